// The same uses as the bugs, each after an `await`.
import { isAdmin, getUser, listUsers } from './shared/users.js';
import { getCart, getOrderStatus } from './shared/orders.js';
import { loadConfig } from './shared/config.js';
import { logger } from './shared/logger.js';

export async function overview(id: string): Promise<string> {
  if (await isAdmin(id)) logger.info('admin', id);
  const user = await getUser(id);
  const cart = await getCart(id);
  const status = await getOrderStatus(id);
  const { port } = await loadConfig();
  const names = (await listUsers()).map((u) => u.name);
  console.log(`user ${user.name}`, JSON.stringify(cart));
  return [status === 'shipped' ? 'shipped' : 'open', String(port), ...names, `${cart.total > 10 ? 'big' : 'small'}`].join(' ');
}

export async function started(id: string): Promise<string> {
  const pendingUser = getUser(id);
  const pendingCart = getCart(id);
  const [user, cart] = await Promise.all([pendingUser, pendingCart]);
  return `${user.email}: ${String(cart.items.length)}`;
}
