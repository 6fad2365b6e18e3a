import { flushMetrics } from '../shared/tasks.js';

export async function shutdown(code: number): Promise<void> {
  await flushMetrics();
  process.exitCode = code;
}
