import pLimit from 'p-limit';
import { processOrder } from '../shared/db.js';

export async function rerun(queue: readonly { orderId: string }[]): Promise<void> {
  const limit = pLimit(4);
  const jobs = queue.map((job) => limit(() => processOrder(job.orderId)));
  await Promise.all(jobs);
}
