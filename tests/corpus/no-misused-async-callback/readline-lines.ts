import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import { db } from './shared/db.js';

export function importLog(path: string) {
  const lines = createInterface({ input: createReadStream(path) });
  lines.on('line', async (line) => { // expect-misused
    await db.insert('log', { id: line.slice(0, 8), line });
  });
}
