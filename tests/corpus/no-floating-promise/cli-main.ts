#!/usr/bin/env node
// A CLI whose entry point is called bare: a missing input file prints an
// "unhandled rejection" stack instead of a message, and the exit code depends
// on the Node version.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      input: { type: 'string', short: 'i' },
      output: { type: 'string', short: 'o' },
    },
  });
  if (!values.input || !values.output) {
    console.error('usage: squeeze -i <input> -o <output>');
    process.exitCode = 2;
    return;
  }
  const source = await readFile(values.input, 'utf8');
  const lines = source.split('\n').filter((line) => line.trim() !== '');
  await writeFile(values.output, `${lines.join('\n')}\n`);
}

main(); // expect-floating
