// Uploads started in a loop and never awaited: the publish step reports all
// assets done while the uploads are still in flight.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { uploadFile } from './shared/storage.js';

export async function publishAssets(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true });
  let count = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    uploadFile(path.join(dir, entry.name), `assets/${entry.name}`); // expect-floating
    count++;
  }
  return count;
}
