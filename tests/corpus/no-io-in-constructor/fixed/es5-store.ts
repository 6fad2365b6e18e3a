import * as fs from 'node:fs';

interface Store {
  file: string;
  data: Record<string, string>;
}

function Store(this: Store, file: string, data: Record<string, string>) {
  this.file = file;
  this.data = data;
}

Store.prototype.get = function (this: Store, key: string) {
  return this.data[key];
};

export async function openStore(file: string): Promise<Store> {
  const data = JSON.parse(await fs.promises.readFile(file, 'utf8')) as Record<string, string>;
  return new (Store as unknown as new (file: string, data: Record<string, string>) => Store)(file, data);
}
