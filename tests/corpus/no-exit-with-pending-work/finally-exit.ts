// A script whose promise chain ends in finally(() => process.exit()).
import { runMigrations, db } from './shared/tasks.js';

runMigrations()
  .then(() => db.end())
  .catch((error: unknown) => console.error(error))
  .finally(() => process.exit()); // expect-report
