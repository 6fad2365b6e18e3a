// The order is saved through a helper from another module and not awaited:
// checkout answers 200 for orders the database rejected.
import { randomUUID } from 'node:crypto';
import { audit, saveOrder, type Order } from './shared/orders.js';

export interface Cart {
  customerId: string;
  lines: { sku: string; quantity: number; unitPrice: number }[];
}

export async function checkout(cart: Cart): Promise<Order> {
  const order: Order = {
    id: randomUUID(),
    customerId: cart.customerId,
    total: cart.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
    createdAt: new Date(),
  };
  saveOrder(order); // expect-floating
  audit('order.created', order.id);
  return order;
}
