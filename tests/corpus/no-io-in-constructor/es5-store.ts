import * as fs from 'node:fs';

interface Store {
  file: string;
  data: Record<string, string>;
}

function Store(this: Store, file: string) {
  this.file = file;
  this.data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>; // expect-report
}

Store.prototype.get = function (this: Store, key: string) {
  return this.data[key];
};

export const sessions = new (Store as unknown as new (file: string) => Store)('sessions.json');
export const settings = new Store('settings.json');
