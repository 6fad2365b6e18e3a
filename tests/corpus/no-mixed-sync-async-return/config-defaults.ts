// With no path the defaults come back as a plain object, otherwise a promise.
import { readFile } from 'node:fs/promises';

const DEFAULTS = { port: 3000, host: 'localhost' };

export function loadConfig(path?: string) { // expect-report
  if (!path) return DEFAULTS;
  return readFile(path, 'utf8').then((text) => ({ ...DEFAULTS, ...(JSON.parse(text) as object) }));
}
