import { readFile, stat, writeFile } from 'node:fs/promises';

export async function rotateLog(file: string, maxBytes: number) {
  if ((await stat(file)).size < maxBytes) return;
  const text = await readFile(file, 'utf8');
  await writeFile(`${file}.1`, text);
  await writeFile(file, '');
}
