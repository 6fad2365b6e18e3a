// Nightly job: one promise per pending order, all started inside the loop.
import { processOrder, type Order } from './shared/db.js';

export async function processPending(ids: readonly string[]): Promise<Order[]> {
  const pending: Promise<Order>[] = [];
  for (const id of ids) {
    pending.push(processOrder(id)); // expect-report
  }
  return Promise.all(pending);
}
