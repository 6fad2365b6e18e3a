import { charge } from './shared/payments.js';

export async function chargeAll(orders: { id: string; total: number }[]) {
  const receipts = await Promise.all(orders.map(async (order) => charge(order.id, order.total)));
  console.log('charged', receipts.length);
}
