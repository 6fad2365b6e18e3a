// Fan-out already bounded: p-limit, p-map with a concurrency, p-queue.
import pLimit from 'p-limit';
import pMap from 'p-map';
import PQueue from 'p-queue';
import { findUsers, sendEmail } from './shared/db.js';

const queue = new PQueue({ concurrency: 4 });

export async function limited(subject: string): Promise<void> {
  const users = await findUsers({ active: true });
  const limit = pLimit(10);
  await Promise.all(users.map((user) => limit(() => sendEmail(user.email, subject))));
  await pMap(users, (user) => sendEmail(user.email, subject), { concurrency: 5 });
  await Promise.all(users.map((user) => queue.add(() => sendEmail(user.email, subject))));
}
