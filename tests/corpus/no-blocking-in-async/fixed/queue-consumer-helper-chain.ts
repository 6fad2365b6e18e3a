import { appendFile } from 'node:fs/promises';

async function audit(event: string) {
  await appendFile('audit.log', `${new Date().toISOString()} ${event}\n`);
}

async function recordFailure(job: string, error: unknown) {
  await audit(`failed ${job}: ${String(error)}`);
}

export const consumer = {
  async onMessage(job: string, run: (job: string) => Promise<void>) {
    try {
      await run(job);
      await audit(`done ${job}`);
    } catch (error) {
      await recordFailure(job, error);
    }
  },
};
