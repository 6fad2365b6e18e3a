import { getCart } from './shared/orders.js';

export async function cartSummary(id: string): Promise<string> {
  const total = getCart(id).total; // expect-unawaited
  const skus = getCart(id).items.map((item) => item.sku); // expect-unawaited
  return `${String(total)} for ${skus.join(', ')}`;
}
