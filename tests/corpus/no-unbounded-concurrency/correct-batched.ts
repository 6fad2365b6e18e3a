// Work split into fixed-size batches: at most BATCH requests are in flight.
import { putObject } from './shared/db.js';

const BATCH = 10;

export async function uploadAll(files: readonly { key: string; body: Buffer }[]): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    keys.push(...(await Promise.all(batch.map((f) => putObject(f.key, f.body)))));
  }
  return keys;
}
