import { appendFileSync } from 'node:fs';

function audit(event: string) {
  appendFileSync('audit.log', `${new Date().toISOString()} ${event}\n`);
}

function recordFailure(job: string, error: unknown) {
  audit(`failed ${job}: ${String(error)}`);
}

export const consumer = {
  async onMessage(job: string, run: (job: string) => Promise<void>) {
    try {
      await run(job);
      audit(`done ${job}`); // expect-report
    } catch (error) {
      recordFailure(job, error); // expect-report
    }
  },
};
