import { readFileSync } from 'node:fs';

let defaults: Record<string, string> | undefined;

export class Settings {
  readonly values: Record<string, string>;

  constructor(overrides: Record<string, string> = {}) {
    if (!defaults) defaults = JSON.parse(readFileSync('defaults.json', 'utf8')) as Record<string, string>;
    this.values = { ...defaults, ...overrides };
  }
}
