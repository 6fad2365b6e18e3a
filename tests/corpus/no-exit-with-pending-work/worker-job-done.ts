// A queue worker processes one job and exits from the async handler, while
// the acknowledgement it just sent is still in the socket buffer.
import { build } from './shared/tasks.js';

interface Job {
  readonly target: string;
  ack(): Promise<void>;
}

export const handler = async (job: Job): Promise<void> => {
  await build(job.target);
  void job.ack();
  process.exit(0); // expect-report
};
