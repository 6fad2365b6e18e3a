import { getSubtotal, type Cart } from '../shared/orders.js';

export async function invoiceTotal(cart: Cart, shipping: number): Promise<number> {
  const subtotal = await getSubtotal(cart);
  const tax = subtotal * 0.2;
  return tax + shipping;
}
