// Timers, collections and the promise flavour of timers used correctly.
import { setTimeout as delay } from 'node:timers/promises';

const queue: string[] = [];
const seen = new Set<string>();

function flushQueue(): void {
  for (const item of queue.splice(0)) seen.add(item);
}

export function enqueue(item: string): void {
  queue.push(item);
  setTimeout(flushQueue, 100);
  setImmediate(() => flushQueue());
  queueMicrotask(flushQueue);
}

const timer = setInterval(() => {
  queue.length = 0;
}, 60_000);
timer.unref();

export async function enqueueSlowly(items: readonly string[]): Promise<void> {
  for (const item of items) {
    queue.push(item);
    await delay(10);
  }
  process.nextTick(flushQueue);
}
