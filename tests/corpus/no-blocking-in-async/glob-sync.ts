import { globSync } from 'glob';
import { readFile } from 'node:fs/promises';

export async function collectMigrations(dir: string): Promise<string[]> {
  const files = globSync('*.sql', { cwd: dir }).sort(); // expect-report
  return Promise.all(files.map((file) => readFile(`${dir}/${file}`, 'utf8')));
}
