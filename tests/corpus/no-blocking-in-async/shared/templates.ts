/** Template helpers shared by the request handlers: sync, and one of them reads the disk. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(process.cwd(), 'templates');

export function loadTemplate(name: string): string {
  return readFileSync(join(root, `${name}.html`), 'utf8');
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}
