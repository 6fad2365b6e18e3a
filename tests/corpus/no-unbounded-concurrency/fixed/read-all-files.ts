import { readFile } from 'node:fs/promises';

export async function loadSources(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) out.push(await readFile(p, 'utf8'));
  return out;
}
