import { expect, it } from 'vitest';
import { Job } from '../shared/app.js';

it('finishes the job', async () => {
  const job = new Job();
  job.start();
  await expect.poll(() => job.status).toBe('done');
});
