// A queue redelivers a job while the first delivery is still marking it
// started; both pass the `has` check and the job runs twice.
import { markStarted, runJob } from './shared/services.js';

const processing = new Set<string>();

export async function handleJob(jobId: string): Promise<void> {
  if (processing.has(jobId)) return;
  await markStarted(jobId);
  processing.add(jobId); // expect-report
  try {
    await runJob(jobId);
  } finally {
    processing.delete(jobId);
  }
}
