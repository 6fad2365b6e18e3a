// The jobs are mapped into a variable first, then awaited together.
import { processOrder } from './shared/db.js';

export async function rerun(queue: readonly { orderId: string }[]): Promise<void> {
  const jobs = queue.map(async (job) => processOrder(job.orderId));
  await Promise.all(jobs); // expect-report
}
