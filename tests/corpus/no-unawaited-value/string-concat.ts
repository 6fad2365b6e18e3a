import { getOrderNumber } from './shared/orders.js';

export async function notFound(id: string): Promise<never> {
  throw new Error('Order ' + getOrderNumber(id) + ' not found'); // expect-unawaited
}
