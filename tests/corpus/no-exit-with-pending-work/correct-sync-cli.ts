// A fully synchronous CLI: nothing asynchronous can be pending.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'package.json';
let parsed: unknown;
try {
  parsed = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`cannot read ${file}: ${String(error)}`);
  process.exit(1);
}
console.log(Object.keys(parsed as object).length);
process.exit(0);
