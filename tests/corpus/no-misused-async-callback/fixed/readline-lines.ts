import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import { db } from './shared/db.js';

export async function importLog(path: string) {
  const lines = createInterface({ input: createReadStream(path) });
  for await (const line of lines) {
    await db.insert('log', { id: line.slice(0, 8), line });
  }
}
