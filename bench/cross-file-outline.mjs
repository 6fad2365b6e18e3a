#!/usr/bin/env node
/**
 * Untyped cross-file reading parses an outline of each imported module (its
 * declarations without function bodies and comments; lib/cross-file-ts.ts)
 * instead of the whole text. This checks, on thousands of real files, that
 * both give the same summary of exports, and prints what each costs.
 *
 *   node bench/cross-file-outline.mjs [DIR ...]    (default: node_modules and bench/corpora)
 *
 * Uses the built dist/ (`npm run build` first). Exit code 1 on any difference.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ts = createRequire(import.meta.url)('typescript');
const { declarationOutline, readExportsWithTypeScript } = await import(path.join(root, 'dist/lib/cross-file-ts.js'));

const dirs = process.argv.slice(2);
if (dirs.length === 0) dirs.push(...['node_modules', 'bench/corpora'].map((d) => path.join(root, d)).filter(existsSync));
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.[cm]?[jt]s$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) files.push(full);
  }
};
for (const dir of dirs) walk(dir);

const key = (summary) => JSON.stringify([...(summary ?? [])].sort());
let compared = 0;
let unreadable = 0;
let unbalanced = 0;
let different = 0;
let wholeMs = 0;
let outlineMs = 0;
for (const file of files) {
  if (statSync(file).size > 1_000_000) continue;
  const text = readFileSync(file, 'utf8');
  let started = performance.now();
  const whole = readExportsWithTypeScript(ts, file, text, false);
  wholeMs += performance.now() - started;
  if (whole === null) {
    unreadable++;
    continue;
  }
  started = performance.now();
  const viaOutline = readExportsWithTypeScript(ts, file, text, true);
  outlineMs += performance.now() - started;
  compared++;
  if (declarationOutline(ts, text) === null) unbalanced++;
  if (key(viaOutline) !== key(whole)) {
    different++;
    if (different <= 20) console.log(`DIFFERENT ${path.relative(root, file)}\n  outline ${key(viaOutline).slice(0, 300)}\n  whole   ${key(whole).slice(0, 300)}`);
  }
}
console.log(`files read: ${compared} (${unreadable} do not parse); outline unbalanced (whole text parsed instead): ${unbalanced}`);
console.log(`summaries that differ: ${different}`);
console.log(`time: whole ${Math.round(wholeMs)} ms, outline ${Math.round(outlineMs)} ms, ratio ${(outlineMs / wholeMs).toFixed(2)}`);
process.exitCode = different > 0 ? 1 : 0;
