// An empty order throws synchronously; callers written as
// `createOrder(input).catch(respondWithError)` never reach their handler.
import { insert } from './shared/store.js';

export function createOrder(input: { customer: string; items: readonly string[] }): Promise<{ id: string }> {
  if (input.items.length === 0) {
    throw new Error('an order needs at least one item'); // expect-report
  }
  return insert('orders', input);
}
