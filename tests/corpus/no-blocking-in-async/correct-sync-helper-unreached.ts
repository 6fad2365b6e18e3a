import { readFileSync, writeFileSync } from 'node:fs';

function loadSchema(file: string): object {
  return JSON.parse(readFileSync(file, 'utf8')) as object;
}

function saveSnapshot(file: string, data: object): void {
  writeFileSync(file, JSON.stringify(data));
}

// Called only from synchronous set-up code.
export function prepare(schemaFile: string, snapshotFile: string) {
  const schema = loadSchema(schemaFile);
  saveSnapshot(snapshotFile, schema);
  return schema;
}

export async function describeSchema(schema: object): Promise<string> {
  return Object.keys(schema).join(', ');
}
