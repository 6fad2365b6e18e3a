// Background jobs: retry failed mails, expire stale carts, react to new orders.
import { EventEmitter } from 'node:events';
import type { Database } from './db.js';
import type { Mailer } from './mailer.js';

export const events = new EventEmitter();

export function startJobs(db: Database, mailer: Mailer): NodeJS.Timeout {
  // Pitfall: an async listener: the emitter ignores its promise, so a failure
  // here is an unhandled rejection instead of an 'error' event.
  events.on('order-placed', async (orderId: number) => {
    const order = await db.find('orders', orderId);
    if (order) mailer.queue({ to: String(order.email), subject: 'Thanks', body: 'We got it.' });
  });

  // Pitfall: an async timer callback: a rejection escapes the timer, and a slow
  // run overlaps the next one.
  return setInterval(async () => {
    await mailer.flush();
  }, 60_000);
}

export async function expireCarts(db: Database, cartIds: number[]): Promise<void> {
  for (const id of cartIds) {
    // Pitfall: fire-and-forget in a loop: every delete runs at once, unobserved.
    db.insert('expired-carts', { cartId: id });
  }
}

export async function shutdown(db: Database, mailer: Mailer): Promise<void> {
  // Pitfall: the mails still in flight are cut off when the process exits here.
  mailer.flush().catch(console.error);
  if (!(await db.isConnected())) process.exit(1);
  process.exit(0);
}
