// Flushes metrics and exits in the same breath: the flush never completes.
import { flushMetrics } from './shared/tasks.js';

export function shutdown(code: number): void {
  flushMetrics();
  process.exit(code); // expect-report
}
