import fg from 'fast-glob';

export class AssetIndex {
  private assets: string[] = [];

  async refresh(root: string, notify: (count: number) => Promise<void>) {
    this.assets = await fg.glob('**/*.{png,svg}', { cwd: root });
    await notify(this.assets.length);
  }
}
