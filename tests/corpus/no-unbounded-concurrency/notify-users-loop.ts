// Every user found gets a notification; the promises are collected in the
// loop and awaited afterwards.
import { findUsers, sendEmail } from './shared/db.js';

export async function notifyAll(message: string): Promise<void> {
  const tasks: Promise<void>[] = [];
  for (const user of await findUsers({ active: true })) {
    tasks.push(sendEmail(user.email, message)); // expect-report
  }
  await Promise.allSettled(tasks);
}
