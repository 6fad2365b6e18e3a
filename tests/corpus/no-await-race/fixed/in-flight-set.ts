import { markStarted, runJob } from '../shared/services.js';

const processing = new Set<string>();

export async function handleJob(jobId: string): Promise<void> {
  if (processing.has(jobId)) return;
  processing.add(jobId);
  try {
    await markStarted(jobId);
    await runJob(jobId);
  } finally {
    processing.delete(jobId);
  }
}
