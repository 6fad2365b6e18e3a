// Generates thumbnails for an album upload: every image decoded at once, and
// a 2000-photo album runs the worker out of memory.
import { readFile } from 'node:fs/promises';
import { putObject } from './shared/db.js';

async function thumbnail(file: string): Promise<string> {
  const original = await readFile(file);
  return putObject(`thumbs/${file}`, original.subarray(0, 1024));
}

export class AlbumService {
  async generate(files: readonly string[]): Promise<string[]> {
    const keys = await Promise.all(files.map((file) => thumbnail(file))); // expect-report
    return keys;
  }
}
