import { JobQueue } from './shared/queue.js';

export async function report(queue: JobQueue): Promise<string> {
  const size = queue.size();
  if (size === 0) return 'idle'; // expect-unawaited
  return `busy (${String(size)})`; // expect-unawaited
}
