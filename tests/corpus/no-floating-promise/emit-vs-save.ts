// The event is announced before the order is stored, and the save is not
// awaited at all: listeners read an order that may never reach the store.
import { EventEmitter } from 'node:events';

interface Order {
  id: string;
  total: number;
  items: string[];
}

export class OrderService extends EventEmitter {
  private readonly orders = new Map<string, Order>();

  async place(order: Order): Promise<string> {
    this.validate(order);
    this.save(order); // expect-floating
    this.emit('placed', order);
    return order.id;
  }

  private validate(order: Order): void {
    if (order.items.length === 0) throw new Error(`order ${order.id} is empty`);
    if (order.total <= 0) throw new RangeError(`order ${order.id} has no total`);
  }

  private async save(order: Order): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.orders.has(order.id)) throw new Error(`order ${order.id} already exists`);
    this.orders.set(order.id, order);
  }
}
