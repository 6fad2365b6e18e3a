import { JobQueue, LineReader } from './shared/queue.js';

export async function drain(queue: JobQueue): Promise<number> {
  let done = 0;
  while (queue.hasNext()) { // expect-unawaited
    await queue.next();
    done++;
    if (done > 100) break;
  }
  return done;
}

export async function readAll(reader: LineReader): Promise<string[]> {
  const lines: string[] = [];
  let line;
  while ((line = reader.readLine()) !== null) { // expect-unawaited
    lines.push(String(line));
    if (lines.length > 100) break;
  }
  return lines;
}
