import { readFile } from 'node:fs/promises';
import pLimit from 'p-limit';
import { putObject } from '../shared/db.js';

async function thumbnail(file: string): Promise<string> {
  const original = await readFile(file);
  return putObject(`thumbs/${file}`, original.subarray(0, 1024));
}

export class AlbumService {
  private readonly limit = pLimit(2);

  async generate(files: readonly string[]): Promise<string[]> {
    const keys = await Promise.all(files.map((file) => this.limit(() => thumbnail(file))));
    return keys;
  }
}
