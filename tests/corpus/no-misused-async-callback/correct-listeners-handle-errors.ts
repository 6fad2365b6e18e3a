// Listeners and timers that catch their own errors: nothing can reject.
import { orderEvents } from './shared/events.js';
import { sendMail } from './shared/mailer.js';
import { flushMetrics } from './shared/cache.js';

orderEvents.on('created', async (order: { id: string; email: string }) => {
  try {
    await sendMail({ to: order.email, subject: `Order ${order.id}`, body: 'Thanks!' });
  } catch (error) {
    console.error('mail failed', error);
  }
});

orderEvents.once('shipped', (order: { email: string }) =>
  sendMail({ to: order.email, subject: 'Shipped', body: '' }).catch((error: unknown) => console.error(error)),
);

setInterval(() => {
  void flushMetrics().catch((error: unknown) => console.error('flush failed', error));
}, 10_000);

process.on('SIGINT', () => {
  flushMetrics()
    .catch((error: unknown) => console.error(error))
    .finally(() => process.exit(0));
});
