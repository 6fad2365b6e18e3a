import { readFile } from 'node:fs/promises';

export async function* logLines(files: AsyncIterable<string>) {
  for await (const file of files) {
    for (const line of (await readFile(file, 'utf8')).split('\n')) yield line;
  }
}
