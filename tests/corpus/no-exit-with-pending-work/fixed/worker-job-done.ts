import { build } from '../shared/tasks.js';

interface Job {
  readonly target: string;
  ack(): Promise<void>;
}

export const handler = async (job: Job): Promise<void> => {
  await build(job.target);
  await job.ack();
};
