import { sendMail } from './shared/mailer.js';

interface QueueOptions {
  concurrency: number;
  onFailed: (jobId: string, error: Error) => void;
}

export function createQueue(options: QueueOptions) {
  return { options };
}

export const queue = createQueue({
  concurrency: 4,
  onFailed: async (jobId, error) => { // expect-misused
    await sendMail({ to: 'ops@example.com', subject: `job ${jobId} failed`, body: error.message });
  },
});
