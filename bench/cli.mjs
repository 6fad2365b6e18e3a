/** Small helpers the bench scripts share: reading their options, loading the built plugin, printing. */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Each command-line argument with `next()`, which takes the following one as
 * its value (and fails when there is none): `for (const { arg, next } of eachArg(argv))`.
 */
export function* eachArg(argv) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    yield {
      arg,
      next: () => {
        const value = argv[++i];
        if (value === undefined) throw new Error(`${arg} needs a value`);
        return value;
      },
    };
  }
}

/** A whole number above zero, or an error that names the option. */
export function positiveInt(text, name) {
  const n = Number.parseInt(text, 10);
  if (!(n > 0) || String(n) !== text) throw new Error(`${name} must be a positive integer`);
  return n;
}

export function indent(text, prefix) {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

export function fmtSec(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The built plugin at `file` (dist/index.js or a copy), or exit with a hint when it was not built. */
export async function loadBuiltPlugin(file) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
  return (await import(pathToFileURL(file).href)).default;
}
