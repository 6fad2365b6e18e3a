// An emitter made with captureRejections routes a rejected listener to 'error'.
import { EventEmitter } from 'node:events';
import { db } from './shared/db.js';

const jobs = new EventEmitter({ captureRejections: true });
jobs.on('error', (error: unknown) => console.error('job failed', error));
jobs.on('run', async (id: string) => {
  await db.insert('runs', { id });
});
