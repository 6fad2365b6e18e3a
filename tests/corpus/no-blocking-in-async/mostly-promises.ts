import { readFile, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';

export async function rotateLog(file: string, maxBytes: number) {
  if (statSync(file).size < maxBytes) return; // expect-report
  const text = await readFile(file, 'utf8');
  await writeFile(`${file}.1`, text);
  await writeFile(file, '');
}
