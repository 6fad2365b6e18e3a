import { sendMail } from './shared/mailer.js';
import { orderEvents } from './shared/events.js';

orderEvents.on('created', async (order: { id: string; email: string }) => {
  try {
    await sendMail({ to: order.email, subject: `Order ${order.id}`, body: 'Thanks!' });
  } catch (error) {
    console.error('confirmation mail failed', order.id, error);
  }
});
