import { readFile } from 'node:fs/promises';

export async function checksum(file: string, hash: (data: Buffer) => Promise<string>) {
  const data = await readFile(file);
  return hash(data);
}
