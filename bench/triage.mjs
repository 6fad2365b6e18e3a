#!/usr/bin/env node
/**
 * Precision triage (issues #6 and #7): lint the triage corpus
 * (bench/triage-corpora.mjs) and/or the benchmark corpora with a set of rules
 * and print the reports per rule and package, or a reproducible random sample
 * of one rule's reports with their context, to be judged by hand (true
 * pitfall / debatable / false alarm). The strict rules' tables live in
 * docs/triage-strict.md, the recommended rules' in docs/benchmarks.md.
 *
 *   node bench/triage.mjs --fetch                      # npm pack the pinned packages (once)
 *   node bench/triage.mjs                              # reports per rule and package
 *   node bench/triage.mjs --rule no-await-race --sample 20 --seed 7 [--context 4]
 *   node bench/triage.mjs --rule R --list              # every report of R, one line each
 *   node bench/triage.mjs --set recommended --bench-corpora --typed --packages none   # the benchmark corpora as TS users lint them
 *
 * Options: `--set strict|recommended` (which rules: the six strict-only rules,
 * the default, or the seven of `recommended`), `--rules a,b` (any of the
 * twelve instead), `--packages a,b` (names from triage-corpora.mjs; `--packages
 * none` lints no triage package), `--bench-corpora` (also lint the benchmark
 * corpora of corpora.mjs, set up by setup-corpora.mjs: mongodb,
 * puppeteer-core, @apollo/server, undici), `--typed` (lint the TypeScript
 * benchmark corpora with the project service and their tsconfig, as
 * `recommended-type-checked` users do; the others stay untyped),
 * `--node-modules` (also lint this project's node_modules/), `--plugin
 * dist/index.js` (the built plugin: `npm run build` first). Files over 512 kB
 * (bundles) are skipped.
 *
 * The sample is drawn with a seeded generator from the reports sorted by
 * package, file, line and column, so the same seed, corpus and rules print
 * the same sample. A new seed gives a fresh sample: use one after tuning a rule
 * on the previous sample.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { corpora, corpusDir, isTyped } from './corpora.mjs';
import { triageCorpora, triageCorpusDir, triageDir } from './triage-corpora.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RECOMMENDED_RULES = [
  'no-floating-promise',
  'no-unawaited-value',
  'no-misused-async-callback',
  'no-broken-promise-chain',
  'no-promise-constructor-misuse',
  'no-blocking-in-async',
  'no-io-in-constructor',
];
const STRICT_RULES = [
  'no-await-race',
  'no-unbounded-concurrency',
  'require-abort-signal',
  'no-exit-with-pending-work',
  'await-async-assertion',
  'no-mixed-sync-async-return',
];
const MAX_BYTES = 512 * 1024;
const STAMP = '.triage-corpus.json';

const options = parseArgs(process.argv.slice(2));

if (options.fetch) {
  mkdirSync(triageDir, { recursive: true });
  for (const corpus of selectedCorpora()) fetchCorpus(corpus);
}

const plugin = (await import(pathToFileURL(path.resolve(root, options.plugin)).href)).default;
const ruleSet = options.rules ?? (options.set === 'recommended' ? RECOMMENDED_RULES : options.set === 'strict' ? STRICT_RULES : null);
if (!ruleSet) throw new Error(`--set ${options.set}: not strict or recommended`);
for (const rule of ruleSet) {
  if (!RECOMMENDED_RULES.includes(rule) && !STRICT_RULES.includes(rule)) throw new Error(`${rule}: not one of ${[...RECOMMENDED_RULES, ...STRICT_RULES].join(', ')}`);
}
if (options.rule && !ruleSet.includes(options.rule)) throw new Error(`--rule ${options.rule}: not in the rule set (${ruleSet.join(', ')}); pick it with --set or --rules`);
const rules = options.rule ? [options.rule] : ruleSet;

const sources = selectedCorpora().map((corpus) => {
  const dir = triageCorpusDir(corpus);
  if (!existsSync(path.join(dir, STAMP))) throw new Error(`${corpus.name}@${corpus.version} is not fetched: run node bench/triage.mjs --fetch`);
  return { label: corpus.name, dir, lint: corpus.lint, skip: corpus.skip ?? [] };
});
if (options.benchCorpora) {
  for (const corpus of corpora) {
    const dir = corpusDir(corpus);
    if (!existsSync(dir)) throw new Error(`${corpus.name}@${corpus.version} is not set up: run node bench/setup-corpora.mjs`);
    sources.push({ label: corpus.name, dir, lint: corpus.lint, skip: ['node_modules/**'], typed: options.typed && isTyped(corpus) });
  }
}
if (options.nodeModules) {
  sources.push({ label: 'node_modules', dir: path.join(root, 'node_modules'), lint: ['**/*.{js,mjs,cjs,ts,mts,cts}'], skip: ['**/*.d.ts', '**/*.min.js', '**/dist/**/*.map'] });
}

const reports = [];
let fileCount = 0;
let parseFailures = 0;
for (const source of sources) {
  const files = listFiles(source);
  fileCount += files.length;
  const linter = new Linter({ cwd: source.dir });
  const packageType = readPackageType(source.dir);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const messages = lintFile(linter, source, file, text, packageType);
    if (messages === null) {
      parseFailures++;
      continue;
    }
    for (const m of messages) {
      if (m.ruleId === null) continue;
      reports.push({
        rule: m.ruleId.replace(/^async-pitfalls\//, ''),
        pkg: source.label,
        typed: Boolean(source.typed),
        file: path.relative(source.dir, file).split(path.sep).join('/'),
        absolute: file,
        line: m.line,
        column: m.column,
        messageId: m.messageId ?? '?',
        message: m.message,
      });
    }
  }
}
reports.sort((a, b) => a.pkg.localeCompare(b.pkg) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));

const typedLabels = sources.filter((s) => s.typed).map((s) => s.label);
console.log(
  `triage corpus: ${String(sources.length)} packages, ${String(fileCount)} files (${String(parseFailures)} did not parse), plugin ${options.plugin}, ` +
    (typedLabels.length > 0 ? `typed: ${typedLabels.join(', ')}, the rest untyped` : 'untyped'),
);
if (options.rule && options.sample > 0) printSample(reports, options);
else if (options.rule && options.list) printList(reports);
else printCounts(reports, sources);

function selectedCorpora() {
  if (!options.packages) return triageCorpora;
  if (options.packages.length === 1 && options.packages[0] === 'none') return [];
  return options.packages.map((name) => {
    const corpus = triageCorpora.find((c) => c.name === name);
    if (!corpus) throw new Error(`unknown package ${name}; known: ${triageCorpora.map((c) => c.name).join(', ')}`);
    return corpus;
  });
}

function fetchCorpus(corpus) {
  const dir = triageCorpusDir(corpus);
  const label = `${corpus.name}@${corpus.version}`;
  const stamp = JSON.stringify({ name: corpus.name, version: corpus.version, integrity: corpus.integrity });
  if (existsSync(path.join(dir, STAMP)) && readFileSync(path.join(dir, STAMP), 'utf8') === stamp) return;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'triage-corpus-'));
  try {
    const packed = JSON.parse(execFileSync('npm', ['pack', label, '--json', '--pack-destination', tmp, '--loglevel=error'], { encoding: 'utf8' }))[0];
    if (packed.integrity !== corpus.integrity) throw new Error(`${label}: integrity ${packed.integrity} does not match the pin ${corpus.integrity}`);
    const unpacked = path.join(tmp, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['xzf', path.join(tmp, packed.filename), '-C', unpacked, '--strip-components=1']);
    rmSync(dir, { recursive: true, force: true });
    renameSync(unpacked, dir);
    writeFileSync(path.join(dir, STAMP), stamp);
    console.log(`${label}: fetched into ${path.relative(process.cwd(), dir)}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function globToRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches any number of folders, a final `**` anything.
      if (glob[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      out += `(?:${glob.slice(i + 1, end).split(',').map(escapeRegExp).join('|')})`;
      i = end;
    } else out += escapeRegExp(c);
  }
  return new RegExp(`^${out}$`);
}

function escapeRegExp(text) {
  return text.replace(/[.+^$()|[\]\\]/g, '\\$&');
}

function listFiles(source) {
  const include = source.lint.map(globToRegExp);
  const exclude = source.skip.map(globToRegExp);
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') walk(full);
        continue;
      }
      if (!entry.isFile()) continue;
      const relative = path.relative(source.dir, full).split(path.sep).join('/');
      if (/\.d\.[mc]?ts$/.test(relative)) continue;
      if (!include.some((re) => re.test(relative)) || exclude.some((re) => re.test(relative))) continue;
      if (statSync(full).size > MAX_BYTES) continue;
      out.push(full);
    }
  };
  walk(source.dir);
  return out.sort();
}

function readPackageType(dir) {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).type === 'module' ? 'module' : 'commonjs';
  } catch {
    return 'commonjs';
  }
}

function configFor(sourceType, typedRoot) {
  return [
    {
      // Not `**/*`: for Linter a universal pattern alone matches only JavaScript (ESLint's defaults), so TypeScript files were never linted.
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'],
      languageOptions: {
        parser: tsParser,
        ecmaVersion: 'latest',
        sourceType,
        ...(typedRoot ? { parserOptions: { projectService: true, tsconfigRootDir: typedRoot } } : {}),
      },
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      plugins: { 'async-pitfalls': plugin },
      rules: Object.fromEntries(rules.map((rule) => [`async-pitfalls/${rule}`, 'error'])),
    },
    // Linter applies ESLint's default ignores (`**/node_modules/`): undo that.
    { ignores: ['!**/node_modules/'] },
  ];
}

/** The messages, or null when the file parses in neither source type. */
function lintFile(linter, source, file, text, packageType) {
  const ext = path.extname(file);
  const first = ext === '.mjs' || ext === '.mts' ? 'module' : ext === '.cjs' || ext === '.cts' ? 'commonjs' : ext === '.ts' ? 'module' : packageType;
  for (const sourceType of first === 'module' ? ['module', 'commonjs'] : ['commonjs', 'module']) {
    const messages = linter.verify(text, configFor(sourceType, source.typed ? source.dir : null), { filename: file });
    if (!messages.some((m) => m.fatal)) return messages;
  }
  return null;
}

/** mulberry32: a small seeded generator, so a seed names one sample. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function printSample(all, { rule, sample, seed, context }) {
  const mine = all.filter((r) => r.rule === rule);
  const next = random(seed);
  const pool = [...mine];
  // Partial Fisher-Yates: the first `sample` picks of a seeded shuffle.
  const count = Math.min(sample, pool.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const picked = pool.slice(0, count);
  console.log(`${rule}: ${String(mine.length)} reports; sample of ${String(count)} with seed ${String(seed)}\n`);
  picked.forEach((r, index) => {
    const lines = readFileSync(r.absolute, 'utf8').split(/\r?\n/);
    console.log(`#${String(index + 1)} ${r.pkg}/${r.file}:${String(r.line)}:${String(r.column)}${r.typed ? ' (typed)' : ''} [${r.messageId}] ${r.message}`);
    const from = Math.max(1, r.line - context);
    const to = Math.min(lines.length, r.line + context);
    for (let n = from; n <= to; n++) {
      const text = (lines[n - 1] ?? '').slice(0, 200);
      console.log(`${n === r.line ? '>' : ' '}${String(n).padStart(6)} | ${text}`);
    }
    console.log('');
  });
}

function printList(all) {
  for (const r of all) {
    const text = (readFileSync(r.absolute, 'utf8').split(/\r?\n/)[r.line - 1] ?? '').trim().slice(0, 160);
    console.log(`${r.pkg}/${r.file}:${String(r.line)}:${String(r.column)} [${r.messageId}] ${text}`);
  }
}

function printCounts(all, sourcesLinted) {
  const header = ['package', ...rules];
  const rows = sourcesLinted.map((s) => [s.label, ...rules.map((rule) => String(all.filter((r) => r.pkg === s.label && r.rule === rule).length))]);
  rows.push(['total', ...rules.map((rule) => String(all.filter((r) => r.rule === rule).length))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const row of rows) console.log(line(row));
}

function parseArgs(args) {
  const out = { fetch: false, set: 'strict', rules: null, typed: false, rule: null, sample: 0, seed: 1, context: 4, list: false, packages: null, benchCorpora: false, nodeModules: false, plugin: 'dist/index.js' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--fetch') out.fetch = true;
    else if (arg === '--rule') out.rule = value();
    else if (arg === '--set') out.set = value();
    else if (arg === '--rules') out.rules = value().split(',');
    else if (arg === '--typed') out.typed = true;
    else if (arg === '--sample') out.sample = Number(value());
    else if (arg === '--seed') out.seed = Number(value());
    else if (arg === '--context') out.context = Number(value());
    else if (arg === '--list') out.list = true;
    else if (arg === '--packages') out.packages = value().split(',');
    else if (arg === '--bench-corpora') out.benchCorpora = true;
    else if (arg === '--node-modules') out.nodeModules = true;
    else if (arg === '--plugin') out.plugin = value();
    else throw new Error(`unknown option ${arg}`);
  }
  return out;
}
