// Loops that push plain values, or push the result of an awaited call.
import { processOrder, type Order } from './shared/db.js';

export async function summarise(ids: readonly string[]): Promise<Order[]> {
  const orders: Order[] = [];
  const labels: string[] = [];
  for (const id of ids) {
    labels.push(id.toUpperCase());
    orders.push(await processOrder(id));
  }
  return orders;
}
