// expect.poll retries until the job is done, but nobody waits for it: the
// test ends at once and passes.
import { expect, it } from 'vitest';
import { Job } from './shared/app.js';

it('finishes the job', async () => {
  const job = new Job();
  job.start();
  expect.poll(() => job.status).toBe('done'); // expect-report
});
