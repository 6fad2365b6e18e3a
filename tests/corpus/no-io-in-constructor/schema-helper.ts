import { readFileSync } from 'node:fs';

function loadSchema(name: string): object {
  return JSON.parse(readFileSync(`schemas/${name}.json`, 'utf8')) as object;
}

export class Validator {
  private readonly schema: object;

  constructor(name: string) {
    this.schema = loadSchema(name); // expect-report
  }

  keys() {
    return Object.keys(this.schema);
  }
}
