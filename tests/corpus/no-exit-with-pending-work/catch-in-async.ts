// The seed script's error path exits from inside the async function: the
// rows already sent to the database may not be written, the error log is cut.
import { db, runMigrations } from './shared/tasks.js';

export async function seed(): Promise<void> {
  try {
    await runMigrations();
  } catch (error) {
    console.error('seed failed', error);
    process.exit(1); // expect-report
  }
  await db.end();
}
