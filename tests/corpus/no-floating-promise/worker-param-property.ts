// A queue worker that schedules the retry of a failed job without waiting:
// `process` resolves, the runner takes the next job, and a failed retry (the
// queue is down) is an unhandled rejection that loses the job.
import { JobQueue, type Job } from './shared/queue.js';

export class Worker {
  constructor(
    private readonly queue: JobQueue,
    private readonly handle: (job: Job) => Promise<void>,
  ) {}

  async process(job: Job): Promise<void> {
    try {
      await this.handle(job);
      await this.queue.complete(job.id);
    } catch (error) {
      this.queue.retry(job.id, error); // expect-floating
    }
  }
}
