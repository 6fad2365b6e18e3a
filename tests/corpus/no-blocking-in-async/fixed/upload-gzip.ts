import * as zlib from 'node:zlib';
import { promisify } from 'node:util';

export async function uploadReport(rows: string[], put: (body: Buffer) => Promise<void>) {
  const body = await promisify(zlib.gzip)(Buffer.from(rows.join('\n')));
  await put(body);
}
