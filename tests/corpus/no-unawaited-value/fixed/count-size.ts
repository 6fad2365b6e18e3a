import { JobQueue } from '../shared/queue.js';

export async function report(queue: JobQueue): Promise<string> {
  const size = await queue.size();
  if (size === 0) return 'idle';
  return `busy (${String(size)})`;
}
