import { readFileSync } from 'node:fs';

export async function* logLines(files: AsyncIterable<string>) {
  for await (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) yield line; // expect-report
  }
}
