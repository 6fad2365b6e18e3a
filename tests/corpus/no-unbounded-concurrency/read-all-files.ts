// Reads every file matched by a glob in parallel; on a monorepo that is more
// open files than the OS allows (EMFILE: too many open files).
import { readFile } from 'node:fs/promises';

export async function loadSources(paths: readonly string[]): Promise<string[]> {
  return Promise.all(paths.map((p) => readFile(p, 'utf8'))); // expect-report
}
