import { flushMetrics } from './shared/cache.js';

export function scheduleFlush() {
  process.nextTick(async () => { // expect-misused
    await flushMetrics();
  });
  queueMicrotask(() => flushMetrics()); // expect-misused
}
