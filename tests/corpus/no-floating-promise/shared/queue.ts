export interface Job {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
}

export class JobQueue {
  private readonly jobs = new Map<string, Job>();

  async add(job: Job): Promise<void> {
    this.jobs.set(job.id, job);
  }

  async complete(id: string): Promise<void> {
    this.jobs.delete(id);
  }

  async retry(id: string, reason: unknown): Promise<void> {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`unknown job ${id}: ${String(reason)}`);
    job.attempts++;
  }
}
