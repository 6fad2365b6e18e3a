// node:stream and readline await async callbacks: these are not Array methods.
import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { db } from './shared/db.js';

export async function copyRows(rows: string[]) {
  await Readable.from(rows).forEach(async (row: string) => {
    await db.insert('copy', { id: row });
  });
  const lines = createInterface({ input: createReadStream('/tmp/rows.txt') });
  for await (const line of lines) {
    await db.insert('lines', { id: line });
  }
}
