#!/usr/bin/env node
/**
 * What do no-blocking-in-async and no-io-in-constructor cost on a benchmark
 * corpus, with and without type information? (DESIGN.md, Budgets.)
 *
 *   node bench/blocking-cost.mjs [--corpus mongodb] [--reps 3] [--modes untyped,typed] [--with RULE ...]
 *
 * Each run is a fresh child process (the project service and the checker's
 * caches live for the process) linting the corpus with the ESLint Node API and
 * `stats: true`: a floor (`no-debugger` only), then the floor plus both rules
 * (and any `--with` rule, e.g. async-pitfalls/no-floating-promise to see the
 * cost of ours once the promise oracle's cross-file summaries are paid for).
 * Prints the median wall time of `lintFiles` per variant and the median time
 * ESLint's stats give each rule (summed over files). Runs are interleaved so
 * that machine noise hits every variant alike.
 *
 * Plugin under test: the built dist/index.js (`npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusDir, findCorpus } from './corpora.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OURS = ['async-pitfalls/no-blocking-in-async', 'async-pitfalls/no-io-in-constructor'];
const FLOOR = 'no-debugger';

const options = parseArgs(process.argv.slice(2));
if (options.worker) {
  await worker(options);
} else {
  main(options);
}

function main({ corpus, reps, modes, extra }) {
  const variants = [];
  for (const mode of modes) {
    variants.push({ mode, label: `${mode} floor`, rules: [FLOOR, ...extra] });
    variants.push({ mode, label: `${mode} floor + ours`, rules: [FLOOR, ...extra, ...OURS] });
  }
  const samples = new Map(variants.map((variant) => [variant.label, []]));
  for (let rep = 0; rep < reps; rep++) {
    for (const variant of variants) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--worker', '--corpus', corpus, '--modes', variant.mode, ...variant.rules.flatMap((rule) => ['--rule', rule])], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (child.status !== 0) throw new Error(`worker failed:\n${child.stderr}`);
      samples.get(variant.label)?.push(JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}'));
    }
  }
  console.log(`corpus ${corpus}, ${String(reps)} runs per variant (median)${extra.length > 0 ? `, with ${extra.join(', ')}` : ''}`);
  for (const variant of variants) {
    const runs = samples.get(variant.label) ?? [];
    const wall = median(runs.map((run) => run.wall));
    const perRule = [...new Set(runs.flatMap((run) => Object.keys(run.rules)))]
      .filter((id) => id !== FLOOR)
      .map((id) => `${id.replace('async-pitfalls/', '')} ${String(Math.round(median(runs.map((run) => run.rules[id] ?? 0))))} ms`);
    console.log(`  ${variant.label.padEnd(24)} wall ${String(Math.round(wall)).padStart(6)} ms  ${perRule.join(', ')}`);
  }
}

async function worker({ corpus, modes, rules }) {
  const { ESLint } = await import('eslint');
  const tsParser = await import('@typescript-eslint/parser');
  const plugin = (await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href)).default;
  const found = findCorpus(corpus);
  const cwd = corpusDir(found);
  const typed = modes[0] === 'typed';
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    cache: false,
    stats: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        plugins: { 'async-pitfalls': plugin },
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
        languageOptions: { parser: tsParser, parserOptions: typed ? { projectService: true, tsconfigRootDir: cwd } : {} },
        rules: Object.fromEntries(rules.map((rule) => [rule, 'error'])),
      },
    ],
  });
  const start = performance.now();
  const results = await eslint.lintFiles(found.lint);
  const wall = performance.now() - start;
  const perRule = {};
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      for (const [id, time] of Object.entries(pass.rules ?? {})) perRule[id] = (perRule[id] ?? 0) + time.total;
    }
  }
  console.log(JSON.stringify({ wall, rules: perRule }));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

function parseArgs(argv) {
  const parsed = { corpus: 'mongodb', reps: 3, modes: ['untyped', 'typed'], extra: [], rules: [], worker: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => argv[++i] ?? '';
    if (arg === '--corpus') parsed.corpus = next();
    else if (arg === '--reps') parsed.reps = Number(next());
    else if (arg === '--modes') parsed.modes = next().split(',');
    else if (arg === '--with') parsed.extra.push(next());
    else if (arg === '--rule') parsed.rules.push(next());
    else if (arg === '--worker') parsed.worker = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return parsed;
}
