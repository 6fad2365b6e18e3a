// Uploads every file of a build folder at once; a large site opens thousands
// of sockets and file handles (EMFILE).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { putObject } from './shared/db.js';

async function uploadFile(file: string): Promise<string> {
  return putObject(path.basename(file), await readFile(file));
}

export async function deploy(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).map((name) => path.join(dir, name));
  return Promise.all(files.map(uploadFile)); // expect-report
}
