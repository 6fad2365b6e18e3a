// A CLI that saves its cache file on the way out, then exits immediately:
// the cache is written half or not at all.
import { writeFile } from 'node:fs/promises';

export function done(cache: Map<string, string>, failed: boolean): never {
  writeFile('.cache.json', JSON.stringify([...cache]));
  process.exit(failed ? 1 : 0); // expect-report
}
