const cell = new Int32Array(new SharedArrayBuffer(4));

function pause(ms: number): void {
  Atomics.wait(cell, 0, 0, ms);
}

export async function pollJobs(fetchJobs: () => Promise<string[]>, handle: (job: string) => Promise<void>) {
  for (;;) {
    const jobs = await fetchJobs();
    for (const job of jobs) await handle(job);
    if (jobs.length === 0) pause(500); // expect-report
  }
}
