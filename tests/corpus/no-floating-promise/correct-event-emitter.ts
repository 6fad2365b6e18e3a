// Event emitters, streams and servers: calls that look like async work but
// return plain values.
import { EventEmitter, once } from 'node:events';
import { createServer } from 'node:http';

interface Job {
  id: string;
}

export class JobRunner extends EventEmitter {
  run(job: Job): void {
    this.emit('start', job);
    this.emit('done', job);
  }
}

const runner = new JobRunner();
runner.on('done', (job: Job) => console.info(`job ${job.id} done`));
runner.once('error', (error: unknown) => console.error(error));

export async function nextDone(): Promise<Job> {
  const [job] = (await once(runner, 'done')) as [Job];
  return job;
}

const server = createServer((req, res) => {
  res.setHeader('content-type', 'text/plain');
  res.write('hello ');
  res.end(req.method ?? 'GET');
});
server.listen(0);
server.on('close', () => runner.removeAllListeners());
process.stdout.write('listening\n');
