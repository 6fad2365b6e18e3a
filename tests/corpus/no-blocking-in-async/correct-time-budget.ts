import { setImmediate as yieldToLoop } from 'node:timers/promises';

export async function processInSlices<T>(items: T[], handle: (item: T) => void) {
  let index = 0;
  while (index < items.length) {
    const sliceEnd = performance.now() + 8;
    while (index < items.length && performance.now() < sliceEnd) {
      handle(items[index] as T);
      index++;
    }
    await yieldToLoop();
  }
}
