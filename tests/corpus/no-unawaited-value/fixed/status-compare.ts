import { getOrderStatus } from '../shared/orders.js';

export async function canCancel(orderId: string): Promise<boolean> {
  if ((await getOrderStatus(orderId)) === 'shipped') {
    return false;
  }
  return true;
}
