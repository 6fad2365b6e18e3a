import { countPending, getOrderNumber } from './shared/orders.js';

const MAX_PENDING = 10;

export async function shouldThrottle(): Promise<boolean> {
  return countPending() > MAX_PENDING; // expect-unawaited
}

export async function nextOrderNumber(id: string): Promise<number> {
  return getOrderNumber(id) + 1; // expect-unawaited
}
