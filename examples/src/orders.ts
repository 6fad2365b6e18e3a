// The order workflow: validate, reserve stock, store, confirm by e-mail.
import type { Database, Row } from './db.js';
import type { Mailer } from './mailer.js';

export interface OrderItem {
  sku: string;
  quantity: number;
}

export interface Order {
  id?: number;
  email: string;
  items: OrderItem[];
}

const priceCache = new Map<string, number>();

export class OrderService {
  constructor(
    private readonly db: Database,
    private readonly mailer: Mailer,
  ) {}

  async placeOrder(order: Order): Promise<Row> {
    // Pitfall: the promise is used as if it were its value; a Promise is always truthy.
    if (!this.db.isConnected()) throw new Error('database not ready');

    // Pitfall: forEach ignores the promises its callback returns: the order is
    // stored before any stock is reserved, and a failed reservation is lost.
    order.items.forEach(async (item) => {
      await this.reserve(item);
    });

    const stored = await this.db.insert('orders', { email: order.email, items: order.items });

    // Pitfall: stored and never awaited: if the audit write fails, nobody hears of it.
    const audit = this.db.insert('audit', { event: 'order-placed', orderId: stored.id });

    // Pitfall: fire-and-forget. The caller is told the order is placed, and a
    // failed confirmation mail becomes an unhandled rejection.
    this.mailer.send({ to: order.email, subject: `Order ${stored.id}`, body: 'Thank you!' });

    return stored;
  }

  async totalPrice(order: Order): Promise<number> {
    // Pitfall: one concurrent lookup per item, with no bound on how many.
    const prices = await Promise.all(order.items.map(async (item) => (await this.priceOf(item.sku)) * item.quantity));
    return prices.reduce((sum, price) => sum + price, 0);
  }

  // Pitfall: sometimes a number, sometimes a promise of one. Callers that forget
  // `await` work in tests (warm cache) and break in production (cold cache).
  priceOf(sku: string): number | Promise<number> {
    const cached = priceCache.get(sku);
    if (cached !== undefined) return cached;
    return this.db.query('prices', (row) => row.sku === sku).then((rows) => {
      const price = Number(rows[0]?.price ?? 0);
      priceCache.set(sku, price);
      return price;
    });
  }

  async cancel(orderId: number): Promise<void> {
    const order = await this.db.find('orders', orderId);
    if (!order) return;
    for (const item of order.items as OrderItem[]) {
      // Pitfall: work started on every iteration and never awaited.
      this.release(item);
    }
  }

  private async reserve(item: OrderItem): Promise<void> {
    await this.db.insert('reservations', { sku: item.sku, quantity: item.quantity });
  }

  private async release(item: OrderItem): Promise<void> {
    await this.db.insert('releases', { sku: item.sku, quantity: item.quantity });
  }
}
