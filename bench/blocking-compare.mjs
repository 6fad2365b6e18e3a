#!/usr/bin/env node
/**
 * no-blocking-in-async and no-io-in-constructor next to eslint-plugin-n's
 * `n/no-sync` on real code: how many reports each gives, which `n/no-sync`
 * reports sit in async code (the sites that matter) and whether ours reports
 * every one of them, and a sample of our reports to triage by hand.
 *
 *   node bench/blocking-compare.mjs [--corpus mongodb] [--dir DIR ...] [--typed] [--limit N] [--sample 20] [--seed 1] [--peer PATH]
 *
 * --corpus lints a benchmark corpus (bench/corpora.mjs; `--typed` uses its
 * tsconfig through the project service); --dir walks a folder (untyped; .ts
 * with @typescript-eslint/parser, .js/.mjs/.cjs with espree). `n/no-sync` runs
 * with its defaults (every `*Sync` call, top level included) and, as a second
 * count, with `allowAtRootLevel: true`.
 *
 * eslint-plugin-n is not a dependency of this package: install it anywhere and
 * pass `--peer` (default /tmp/peer/node_modules/eslint-plugin-n):
 *   npm install --prefix /tmp/peer eslint-plugin-n@17
 *
 * Plugin under test: the built dist/ (`npm run build` first).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import * as espree from 'espree';
import { corpusDir, findCorpus } from './corpora.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const options = parseArgs(process.argv.slice(2));
const plugin = (await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href)).default;
const { asyncRunner } = await import(pathToFileURL(path.join(root, 'dist', 'lib', 'blocking.js')).href);
if (!existsSync(options.peer)) {
  console.error(`eslint-plugin-n not found at ${options.peer}; run: npm install --prefix /tmp/peer eslint-plugin-n@17`);
  process.exit(2);
}
const pluginN = createRequire(import.meta.url)(options.peer);

/**
 * The TypeScript parser without its node maps when there is no program:
 * n/no-sync (17.x) throws on TypeScript files parsed without type information
 * unless the maps are absent too, in which case it runs as it does on JS.
 */
const untypedTsParser = {
  meta: { name: 'typescript-eslint-parser-without-maps' },
  parseForESLint(code, parserOptions) {
    const result = tsParser.parseForESLint(code, parserOptions);
    return { ...result, services: { ...result.services, esTreeNodeToTSNodeMap: undefined, tsNodeToESTreeNodeMap: undefined } };
  },
};

const OURS = ['async-pitfalls/no-blocking-in-async', 'async-pitfalls/no-io-in-constructor'];
const PEER = 'n/no-sync';
const PEER_ROOT = 'n-root/no-sync';

/** Marks every `*Sync` call (n/no-sync's criterion) that runs in async code, by our own `asyncRunner`. */
const probe = {
  meta: { type: 'problem', schema: [], messages: { site: 'async' } },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
        const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : '';
        if (!/Sync$/.test(name ?? '')) return;
        if (asyncRunner(context.sourceCode, node)) context.report({ node, messageId: 'site' });
      },
    };
  },
};

const rules = {
  ...Object.fromEntries(OURS.map((id) => [id, 'error'])),
  [PEER]: 'error',
  [PEER_ROOT]: ['error', { allowAtRootLevel: true }],
  'probe/async-sync-call': 'error',
};
const plugins = { 'async-pitfalls': plugin, n: pluginN, 'n-root': pluginN, probe: { rules: { 'async-sync-call': probe } } };

const results = options.corpus ? await lintCorpus() : lintDirs();
report(results);

async function lintCorpus() {
  const corpus = findCorpus(options.corpus);
  const cwd = corpusDir(corpus);
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    cache: false,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        plugins,
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
        languageOptions: {
          parser: options.typed ? tsParser : untypedTsParser,
          parserOptions: options.typed ? { projectService: true, tsconfigRootDir: cwd } : {},
        },
        rules,
      },
    ],
  });
  const lint = await eslint.lintFiles(corpus.lint);
  return lint.map((result) => ({ file: path.relative(cwd, result.filePath), text: result.source ?? readFileSync(result.filePath, 'utf8'), messages: result.messages }));
}

function lintDirs() {
  const linter = new Linter({ configType: 'flat', cwd: root });
  const out = [];
  for (const dir of options.dirs) {
    for (const file of walk(dir)) {
      if (out.length >= options.limit) return out;
      const text = readFileSync(file, 'utf8');
      if (text.length > 500_000) continue;
      const isTs = /\.[cm]?ts$/.test(file);
      const sourceType = /\.c[jt]s$/.test(file) ? 'commonjs' : 'module';
      // Files under node_modules are ignored by flat config: lint them under a neutral name.
      const virtual = path.join(root, '.bench-virtual', path.relative(dir, file).replaceAll('node_modules', 'nm'));
      const config = (type) => [
        {
          files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
          plugins,
          linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
          languageOptions: { parser: isTs ? untypedTsParser : espree, sourceType: type, ecmaVersion: 'latest' },
          rules,
        },
      ];
      let messages = linter.verify(text, config(sourceType), virtual);
      if (messages.some((m) => m.fatal) && sourceType === 'module' && !isTs) messages = linter.verify(text, config('commonjs'), virtual);
      if (messages.some((m) => m.fatal)) continue;
      out.push({ file: path.relative(dir, file), text, messages });
    }
  }
  return out;
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.cache' && entry.name !== '.git') yield* walk(full);
    } else if (/\.(?:[cm]?js|[cm]?ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      yield full;
    }
  }
}

function report(files) {
  const count = (id) => files.reduce((sum, f) => sum + f.messages.filter((m) => m.ruleId === id).length, 0);
  const at = (m) => `${String(m.line)}:${String(m.column)}`;
  const ours = [];
  const missed = [];
  let asyncSites = 0;
  for (const { file, text, messages } of files) {
    const blocking = new Set(messages.filter((m) => m.ruleId === OURS[0]).map(at));
    for (const m of messages) if (OURS.includes(m.ruleId)) ours.push({ file, m });
    for (const site of messages.filter((m) => m.ruleId === 'probe/async-sync-call')) {
      asyncSites++;
      if (!blocking.has(at(site))) missed.push({ file, line: site.line, column: site.column, source: text.split('\n')[site.line - 1]?.trim() ?? '' });
    }
  }
  const shebang = files.filter((f) => f.text.startsWith('#!')).length;
  console.log(`files linted: ${String(files.length)}${options.typed ? ' (typed)' : ' (untyped)'}, with a shebang: ${String(shebang)}`);
  console.log(`n/no-sync reports: ${String(count(PEER))} (allowAtRootLevel: ${String(count(PEER_ROOT))})`);
  for (const id of OURS) console.log(`${id} reports: ${String(count(id))}`);
  console.log(`*Sync calls in async code (the sites n/no-sync reports that matter): ${String(asyncSites)}; not reported by no-blocking-in-async: ${String(missed.length)}`);
  for (const miss of missed) console.log(`  missed ${miss.file}:${String(miss.line)}:${String(miss.column)}  ${miss.source.slice(0, 120)}`);
  const sample = pick(ours, options.sample, options.seed);
  console.log(`\nsample of ${String(sample.length)} of our ${String(ours.length)} reports:`);
  for (const { file, m } of sample) console.log(`  ${file}:${at(m)} [${m.ruleId.split('/')[1] ?? ''}] ${m.message.slice(0, 150)}`);
}

/** A deterministic sample (a small LCG), so a triage note can be reproduced. */
function pick(items, size, seed) {
  const pool = [...items];
  let state = seed;
  const out = [];
  while (out.length < size && pool.length > 0) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out.push(pool.splice(state % pool.length, 1)[0]);
  }
  return out;
}

function parseArgs(argv) {
  const parsed = { corpus: null, dirs: [], typed: false, limit: Infinity, sample: 20, seed: 1, peer: '/tmp/peer/node_modules/eslint-plugin-n' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => argv[++i] ?? '';
    if (arg === '--corpus') parsed.corpus = next();
    else if (arg === '--dir') parsed.dirs.push(path.resolve(next()));
    else if (arg === '--typed') parsed.typed = true;
    else if (arg === '--limit') parsed.limit = Number(next());
    else if (arg === '--sample') parsed.sample = Number(next());
    else if (arg === '--seed') parsed.seed = Number(next());
    else if (arg === '--peer') parsed.peer = path.resolve(next());
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!parsed.corpus && parsed.dirs.length === 0) parsed.corpus = 'mongodb';
  return parsed;
}
