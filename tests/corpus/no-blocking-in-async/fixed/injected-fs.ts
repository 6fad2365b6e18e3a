import type * as nodeFs from 'node:fs';

export class ReportWriter {
  constructor(private readonly fs: typeof nodeFs, private readonly dir: string) {}

  async write(name: string, render: () => Promise<string>) {
    const html = await render();
    await this.fs.promises.writeFile(`${this.dir}/${name}.html`, html);
  }
}
