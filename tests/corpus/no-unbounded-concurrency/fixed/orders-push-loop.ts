import pLimit from 'p-limit';
import { processOrder, type Order } from '../shared/db.js';

export async function processPending(ids: readonly string[]): Promise<Order[]> {
  const limit = pLimit(5);
  const pending: Promise<Order>[] = [];
  for (const id of ids) {
    pending.push(limit(() => processOrder(id)));
  }
  return Promise.all(pending);
}
