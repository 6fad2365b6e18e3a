import { getCart } from '../shared/orders.js';

export async function cartSummary(id: string): Promise<string> {
  const cart = await getCart(id);
  const total = cart.total;
  const skus = cart.items.map((item) => item.sku);
  return `${String(total)} for ${skus.join(', ')}`;
}
