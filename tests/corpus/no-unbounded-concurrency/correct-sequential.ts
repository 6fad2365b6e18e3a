// One at a time: awaited in the loop, or a sync map whose results are not
// promises.
import { findUsers, processOrder, sendEmail } from './shared/db.js';

export async function sequential(ids: readonly string[]): Promise<string[]> {
  for (const id of ids) {
    await processOrder(id);
  }
  const users = await findUsers({ active: true });
  for (const user of users) await sendEmail(user.email, 'hello');
  const emails = users.map((u) => u.email.toLowerCase());
  return emails;
}
