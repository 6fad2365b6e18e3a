import { JobQueue, LineReader } from '../shared/queue.js';

export async function drain(queue: JobQueue): Promise<number> {
  let done = 0;
  while (await queue.hasNext()) {
    await queue.next();
    done++;
    if (done > 100) break;
  }
  return done;
}

export async function readAll(reader: LineReader): Promise<string[]> {
  const lines: string[] = [];
  let line;
  while ((line = await reader.readLine()) !== null) {
    lines.push(String(line));
    if (lines.length > 100) break;
  }
  return lines;
}
