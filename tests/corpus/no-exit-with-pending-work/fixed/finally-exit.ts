import { runMigrations, db } from '../shared/tasks.js';

runMigrations()
  .then(() => db.end())
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
