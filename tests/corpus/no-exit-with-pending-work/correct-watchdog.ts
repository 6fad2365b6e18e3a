// A forced exit after a grace period: the deliberate last resort when the
// graceful shutdown hangs, on an unref'd timer.
import { db, server } from './shared/tasks.js';

process.on('SIGTERM', () => {
  setTimeout(() => {
    console.error('shutdown took too long, forcing exit');
    process.exit(1);
  }, 10_000).unref();
  server.close(() => {
    db.end().catch((error: unknown) => console.error(error));
  });
});
