// Log rotation with `stream/promises`: the function returns the path of a
// gzip file that is still being written, and a read error is never seen.
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

export async function compressLog(source: string): Promise<string> {
  const target = `${source}.gz`;
  pipeline(createReadStream(source), createGzip(), createWriteStream(target)); // expect-floating
  return target;
}
