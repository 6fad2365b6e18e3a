import { readFile } from 'node:fs/promises';

const DEFAULTS = { port: 3000, host: 'localhost' };

export async function loadConfig(path?: string) {
  if (!path) return DEFAULTS;
  const text = await readFile(path, 'utf8');
  return { ...DEFAULTS, ...(JSON.parse(text) as object) };
}
