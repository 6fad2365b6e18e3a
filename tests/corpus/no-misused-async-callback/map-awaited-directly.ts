import { charge } from './shared/payments.js';

export async function chargeAll(orders: { id: string; total: number }[]) {
  const receipts = await orders.map(async (order) => charge(order.id, order.total)); // expect-misused
  console.log('charged', receipts.length);
}
