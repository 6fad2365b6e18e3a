// Everything awaited, then the exit code set from inside async code.
import { db, flushMetrics, runTests } from './shared/tasks.js';

export async function ci(): Promise<void> {
  const { failed } = await runTests();
  await flushMetrics();
  await db.end();
  process.exitCode = failed > 0 ? 1 : 0;
}
