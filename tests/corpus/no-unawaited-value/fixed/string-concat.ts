import { getOrderNumber } from '../shared/orders.js';

export async function notFound(id: string): Promise<never> {
  throw new Error('Order ' + String(await getOrderNumber(id)) + ' not found');
}
