import { readFileSync } from 'node:fs';

export class FeatureFlags {
  private readonly flags: Record<string, boolean>;

  constructor(file = 'flags.json') {
    this.flags = JSON.parse(readFileSync(file, 'utf8')) as Record<string, boolean>; // expect-report
  }

  isOn(flag: string): boolean {
    return this.flags[flag] === true;
  }
}
