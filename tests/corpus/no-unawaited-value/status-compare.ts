import { getOrderStatus } from './shared/orders.js';

export async function canCancel(orderId: string): Promise<boolean> {
  if (getOrderStatus(orderId) === 'shipped') { // expect-unawaited
    return false;
  }
  return true;
}
