import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export class PluginLoader {
  constructor(private readonly dir: string) {}

  private readManifest(name: string): { main: string } {
    const file = join(this.dir, name, 'plugin.json');
    if (!existsSync(file)) throw new Error(`no manifest for ${name}`);
    return JSON.parse(readFileSync(file, 'utf8')) as { main: string };
  }

  async load(name: string): Promise<unknown> {
    const manifest = this.readManifest(name); // expect-report
    return import(join(this.dir, name, manifest.main));
  }
}
