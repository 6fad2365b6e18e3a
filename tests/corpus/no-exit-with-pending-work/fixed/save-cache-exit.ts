import { writeFile } from 'node:fs/promises';

export async function done(cache: Map<string, string>, failed: boolean): Promise<void> {
  await writeFile('.cache.json', JSON.stringify([...cache]));
  process.exitCode = failed ? 1 : 0;
}
