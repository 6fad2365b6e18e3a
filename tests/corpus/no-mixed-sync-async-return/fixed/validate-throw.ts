import { insert } from '../shared/store.js';

export async function createOrder(input: { customer: string; items: readonly string[] }): Promise<{ id: string }> {
  if (input.items.length === 0) {
    throw new Error('an order needs at least one item');
  }
  return insert('orders', input);
}
