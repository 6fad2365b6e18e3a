import fg from 'fast-glob';

export class AssetIndex {
  private assets: string[] = [];

  async refresh(root: string, notify: (count: number) => Promise<void>) {
    this.assets = fg.sync('**/*.{png,svg}', { cwd: root }); // expect-report
    await notify(this.assets.length);
  }
}
