// The crash handler starts flushing the log and exits in the same tick: the
// one log line that explains the crash is never written.
import { appendFile } from 'node:fs/promises';

const logger = {
  pending: [] as string[],
  error(message: string, cause?: unknown): void {
    this.pending.push(`${new Date().toISOString()} ERROR ${message} ${String(cause)}\n`);
  },
  async flush(): Promise<void> {
    const lines = this.pending.splice(0);
    await appendFile('app.log', lines.join(''));
  },
};

process.on('uncaughtException', (error) => {
  logger.error('uncaught exception', error);
  logger.flush(); // expect-floating
  process.exit(1);
});
