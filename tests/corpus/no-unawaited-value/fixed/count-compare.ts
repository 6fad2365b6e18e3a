import { countPending, getOrderNumber } from '../shared/orders.js';

const MAX_PENDING = 10;

export async function shouldThrottle(): Promise<boolean> {
  return (await countPending()) > MAX_PENDING;
}

export async function nextOrderNumber(id: string): Promise<number> {
  return (await getOrderNumber(id)) + 1;
}
