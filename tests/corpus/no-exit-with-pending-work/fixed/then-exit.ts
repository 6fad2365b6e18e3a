import { runMigrations } from '../shared/tasks.js';

runMigrations().then(
  (count) => {
    console.log(`${String(count)} migrations applied`);
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
