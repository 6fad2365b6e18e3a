import { readFileSync } from 'node:fs';
import { app } from './shared/http.js';

let template: string | undefined;
const partials = new Map<string, string>();

function getTemplate(): string {
  template ??= readFileSync('views/layout.html', 'utf8');
  return template;
}

function getPartial(name: string): string {
  if (!partials.has(name)) partials.set(name, readFileSync(`views/${name}.html`, 'utf8'));
  return partials.get(name) ?? '';
}

app.get('/', async (_req, res) => {
  res.send(getTemplate().replace('{{body}}', getPartial('home')));
});
