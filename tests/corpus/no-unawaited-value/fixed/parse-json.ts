import { readFile } from 'node:fs/promises';

export async function readManifest(path: string): Promise<{ name: string }> {
  const text = await readFile(path, 'utf8');
  return JSON.parse(text) as { name: string };
}
