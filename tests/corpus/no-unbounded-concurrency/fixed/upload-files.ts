import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import { putObject } from '../shared/db.js';

async function uploadFile(file: string): Promise<string> {
  return putObject(path.basename(file), await readFile(file));
}

export async function deploy(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).map((name) => path.join(dir, name));
  const limit = pLimit(8);
  return Promise.all(files.map((file) => limit(() => uploadFile(file))));
}
