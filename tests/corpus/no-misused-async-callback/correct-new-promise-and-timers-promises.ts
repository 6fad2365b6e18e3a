// Not this rule's business, or not a callback at all.
import { setTimeout as sleep } from 'node:timers/promises';
import { once } from 'node:events';
import { orderEvents } from './shared/events.js';

export async function waitForOrder() {
  await sleep(100);
  const [order] = await once(orderEvents, 'created');
  return order;
}

export function delay(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}
