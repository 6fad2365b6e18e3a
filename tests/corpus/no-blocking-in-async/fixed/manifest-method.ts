import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export class PluginLoader {
  constructor(private readonly dir: string) {}

  private async readManifest(name: string): Promise<{ main: string }> {
    const file = join(this.dir, name, 'plugin.json');
    await access(file);
    return JSON.parse(await readFile(file, 'utf8')) as { main: string };
  }

  async load(name: string): Promise<unknown> {
    const manifest = await this.readManifest(name);
    return import(join(this.dir, name, manifest.main));
  }
}
