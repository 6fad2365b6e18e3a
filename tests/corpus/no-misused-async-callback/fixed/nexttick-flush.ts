import { flushMetrics } from './shared/cache.js';

export function scheduleFlush() {
  process.nextTick(() => {
    flushMetrics().catch((error: unknown) => console.error(error));
  });
  queueMicrotask(() => {
    flushMetrics().catch((error: unknown) => console.error(error));
  });
}
