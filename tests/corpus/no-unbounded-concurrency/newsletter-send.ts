// Sends the newsletter to every active user at once: with 50k users the SMTP
// relay refuses connections and most sends fail.
import { findUsers, sendEmail } from './shared/db.js';

export async function sendNewsletter(subject: string): Promise<void> {
  const users = await findUsers({ active: true });
  await Promise.all(users.map(async (user) => sendEmail(user.email, subject))); // expect-report
}
