import { setTimeout as pause } from 'node:timers/promises';

export async function pollJobs(fetchJobs: () => Promise<string[]>, handle: (job: string) => Promise<void>) {
  for (;;) {
    const jobs = await fetchJobs();
    for (const job of jobs) await handle(job);
    if (jobs.length === 0) await pause(500);
  }
}
