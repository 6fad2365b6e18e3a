import { glob } from 'glob';
import { readFile } from 'node:fs/promises';

export async function collectMigrations(dir: string): Promise<string[]> {
  const files = (await glob('*.sql', { cwd: dir })).sort();
  return Promise.all(files.map((file) => readFile(`${dir}/${file}`, 'utf8')));
}
