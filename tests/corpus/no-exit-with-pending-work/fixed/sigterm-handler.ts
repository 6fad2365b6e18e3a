import { db, server } from '../shared/tasks.js';

process.on('SIGTERM', () => {
  server.close(() => {
    db.end().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  });
});
