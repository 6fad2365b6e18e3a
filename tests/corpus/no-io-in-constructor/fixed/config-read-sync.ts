import { readFile } from 'node:fs/promises';

export class FeatureFlags {
  private constructor(private readonly flags: Record<string, boolean>) {}

  static async load(file = 'flags.json'): Promise<FeatureFlags> {
    return new FeatureFlags(JSON.parse(await readFile(file, 'utf8')) as Record<string, boolean>);
  }

  isOn(flag: string): boolean {
    return this.flags[flag] === true;
  }
}
