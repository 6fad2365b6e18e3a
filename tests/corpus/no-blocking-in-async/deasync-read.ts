import deasync from 'deasync';
import { readFile } from 'node:fs';

const readNow = deasync<Buffer>(readFile);

export async function checksum(file: string, hash: (data: Buffer) => Promise<string>) {
  const data = readNow(file); // expect-report
  return hash(data);
}
