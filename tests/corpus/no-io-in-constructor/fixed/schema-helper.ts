import { readFile } from 'node:fs/promises';

async function loadSchema(name: string): Promise<object> {
  return JSON.parse(await readFile(`schemas/${name}.json`, 'utf8')) as object;
}

export class Validator {
  private constructor(private readonly schema: object) {}

  static async create(name: string): Promise<Validator> {
    return new Validator(await loadSchema(name));
  }

  keys() {
    return Object.keys(this.schema);
  }
}
