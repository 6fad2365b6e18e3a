#!/usr/bin/env node
/**
 * Fetch and prepare the benchmark corpora (see corpora.mjs) into the ignored
 * folder bench/corpora/. Idempotent: a corpus whose stamp matches its recipe
 * is left alone; `--force` rebuilds it.
 *
 *   node bench/setup-corpora.mjs [--force] [name ...]
 *
 * For each corpus: `npm pack name@version` (integrity checked against the
 * pin), unpack, write its `tsconfig` (when the package ships none) or patch
 * tsconfig.json's compilerOptions, make the `copy` copies, replace
 * package.json by one that lists only the pinned dependencies the typed
 * program needs (keeping the package's `type`), and install them with
 * `npm ci --ignore-scripts` from the lockfile kept in bench/corpora-locks/
 * (first run: `npm install`, and the lockfile is written there to be
 * committed). A corpus without dependencies (undici) installs nothing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpora, corporaDir, corpusDir, corpusSlug, findCorpus, locksDir } from './corpora.mjs';

const STAMP = '.bench-corpus.json';
const npmQuiet = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];

const args = process.argv.slice(2);
const force = args.includes('--force');
const names = args.filter((a) => !a.startsWith('--'));
const selected = names.length > 0 ? names.map(findCorpus) : corpora;

mkdirSync(corporaDir, { recursive: true });
for (const corpus of selected) setup(corpus);

function recipe(corpus) {
  return JSON.stringify({
    name: corpus.name,
    version: corpus.version,
    integrity: corpus.integrity,
    dependencies: corpus.dependencies,
    compilerOptionsPatch: corpus.compilerOptionsPatch,
    tsconfig: corpus.tsconfig,
    copy: corpus.copy,
  });
}

function setup(corpus) {
  const dir = corpusDir(corpus);
  const label = `${corpus.name}@${corpus.version}`;
  const stampFile = path.join(dir, STAMP);
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === recipe(corpus)) {
    console.log(`${label}: up to date in ${path.relative(process.cwd(), dir)}`);
    return;
  }
  console.log(`${label}: preparing ${path.relative(process.cwd(), dir)}`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-corpus-'));
  try {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', `${corpus.name}@${corpus.version}`, '--json', '--pack-destination', tmp, '--loglevel=error'], {
        encoding: 'utf8',
      }),
    )[0];
    if (packed.integrity !== corpus.integrity) {
      throw new Error(`${label}: integrity ${packed.integrity} does not match the pin ${corpus.integrity}`);
    }
    const unpacked = path.join(tmp, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['xzf', path.join(tmp, packed.filename), '-C', unpacked, '--strip-components=1']);

    const tsconfig = path.join(unpacked, 'tsconfig.json');
    if (corpus.tsconfig) {
      if (existsSync(tsconfig)) throw new Error(`${label}: ships a tsconfig.json; patch it (compilerOptionsPatch) instead of replacing it`);
      writeFileSync(tsconfig, `${JSON.stringify(corpus.tsconfig, null, 2)}\n`);
    } else if (existsSync(tsconfig)) {
      patchTsconfig(tsconfig, corpus.compilerOptionsPatch ?? {});
    }
    for (const [from, to] of corpus.copy ?? []) cpSync(path.join(unpacked, from), path.join(unpacked, to), { recursive: true });
    const original = path.join(unpacked, 'package.json');
    const originalType = JSON.parse(readFileSync(original, 'utf8')).type;
    renameSync(original, path.join(unpacked, 'package.original.json'));
    writeFileSync(
      original,
      `${JSON.stringify({ name: `${corpusSlug(corpus)}-bench-corpus`, version: corpus.version, private: true, type: originalType, dependencies: corpus.dependencies }, null, 2)}\n`,
    );

    const lock = path.join(locksDir, `${corpusSlug(corpus)}-${corpus.version}.package-lock.json`);
    if (Object.keys(corpus.dependencies ?? {}).length === 0) {
      // Nothing to install (an untyped JavaScript corpus).
    } else if (existsSync(lock)) {
      copyFileSync(lock, path.join(unpacked, 'package-lock.json'));
      execFileSync('npm', ['ci', ...npmQuiet], { cwd: unpacked, stdio: 'inherit' });
    } else {
      execFileSync('npm', ['install', ...npmQuiet], { cwd: unpacked, stdio: 'inherit' });
      mkdirSync(locksDir, { recursive: true });
      copyFileSync(path.join(unpacked, 'package-lock.json'), lock);
      console.log(`${label}: wrote ${path.relative(process.cwd(), lock)} (commit it to pin transitive dependencies)`);
    }

    rmSync(dir, { recursive: true, force: true });
    renameSync(unpacked, dir);
    const files = countFiles(dir, corpus);
    writeFileSync(stampFile, recipe(corpus));
    console.log(`${label}: ready, ${files} files to lint`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** tsconfig.json is JSONC: insert the options right after `"compilerOptions": {`, leaving comments alone. */
function patchTsconfig(file, patch) {
  const entries = Object.entries(patch);
  if (entries.length === 0) return;
  const text = readFileSync(file, 'utf8');
  const anchor = /"compilerOptions"\s*:\s*\{/;
  if (!anchor.test(text)) throw new Error(`${file}: no "compilerOptions" object to patch`);
  const inserted = entries.map(([key, value]) => `\n    ${JSON.stringify(key)}: ${JSON.stringify(value)},`).join('');
  writeFileSync(file, text.replace(anchor, (match) => match + inserted));
}

function countFiles(dir, corpus) {
  // Patterns here are all `<folder>/**/*.<ext>`.
  let count = 0;
  for (const pattern of corpus.lint) {
    const match = /^([^*]+)\/\*\*\/\*(\.[a-z]+)$/.exec(pattern);
    if (!match) continue;
    const [, folder, ext] = match;
    count += walk(path.join(dir, folder)).filter((f) => f.endsWith(ext)).length;
  }
  return count;
}

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}
