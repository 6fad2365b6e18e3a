import { db, runMigrations } from '../shared/tasks.js';

export async function seed(): Promise<void> {
  try {
    await runMigrations();
  } catch (error) {
    console.error('seed failed', error);
    process.exitCode = 1;
  } finally {
    await db.end();
  }
}
