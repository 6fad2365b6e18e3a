import { findUsers, sendEmail } from '../shared/db.js';

export async function notifyAll(message: string): Promise<void> {
  for (const user of await findUsers({ active: true })) {
    await sendEmail(user.email, message);
  }
}
