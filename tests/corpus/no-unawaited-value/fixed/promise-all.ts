import { getCart } from '../shared/orders.js';
import { getUser } from '../shared/users.js';

export async function checkoutView(userId: string, cartId: string): Promise<string> {
  const [user, cart] = await Promise.all([getUser(userId), getCart(cartId)]);
  return `${user.name}: ${String(cart.total)}`;
}
