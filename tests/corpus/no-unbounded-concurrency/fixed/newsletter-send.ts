import pLimit from 'p-limit';
import { findUsers, sendEmail } from '../shared/db.js';

export async function sendNewsletter(subject: string): Promise<void> {
  const users = await findUsers({ active: true });
  const limit = pLimit(10);
  await Promise.all(users.map((user) => limit(() => sendEmail(user.email, subject))));
}
