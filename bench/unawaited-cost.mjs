#!/usr/bin/env node
/**
 * What does async-pitfalls/no-unawaited-value cost, with and without type
 * information, next to @typescript-eslint/no-misused-promises on the same
 * files? Its peer part is `checksConditionals` + `checksSpreads` (variant c,
 * `checksVoidReturn: false`); variant f is the peer with its defaults.
 *
 *   node bench/unawaited-cost.mjs [--reps 3] [--corpus mongodb] [--variants a,b,c,f,d,e,g,h,i,j] [--plugin dist/index.js]
 *
 * Variants (ESLint Node API, `@typescript-eslint/parser`, fresh child process per run):
 *   a  typed floor: projectService against the corpus tsconfig, only `no-debugger`
 *   b  a + async-pitfalls/no-unawaited-value
 *   c  a + @typescript-eslint/no-misused-promises { checksVoidReturn: false }
 *   f  a + @typescript-eslint/no-misused-promises (defaults)
 *   d  untyped floor: no project, only `no-debugger`
 *   e  d + async-pitfalls/no-unawaited-value
 *   i  a + async-pitfalls/no-floating-promise
 *   j  i + async-pitfalls/no-unawaited-value (what it adds next to a rule that shares its caches)
 *   g  d + async-pitfalls/no-floating-promise
 *   h  g + async-pitfalls/no-unawaited-value (what it adds next to a rule that shares its caches)
 *
 * Every run has ESLint `stats: true`, and prints the rule's own time (summed
 * over files) next to the wall and CPU time of `lintFiles`; on a loaded
 * machine all of them stretch, so compare variants of the same run only.
 * Runs are interleaved (a,b,c,...,a,b,c); medians are shown.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchDir, corpusDir, findCorpus } from './corpora.mjs';
import { eachArg } from './cli.mjs';

const OURS = 'async-pitfalls/no-unawaited-value';
const THEIRS = '@typescript-eslint/no-misused-promises';
const FLOOR = 'no-debugger';
/** The recommended set shares the oracle's caches: variant h shows what this rule adds next to it. */
const FLOATING = 'async-pitfalls/no-floating-promise';

const VARIANTS = {
  a: { typed: true, rules: { [FLOOR]: 'error' }, label: 'typed floor (no-debugger)' },
  b: { typed: true, rules: { [FLOOR]: 'error', [OURS]: 'error' }, label: `a + ${OURS}` },
  c: { typed: true, rules: { [FLOOR]: 'error', [THEIRS]: ['error', { checksVoidReturn: false }] }, label: `a + ${THEIRS} (no checksVoidReturn)` },
  f: { typed: true, rules: { [FLOOR]: 'error', [THEIRS]: 'error' }, label: `a + ${THEIRS} (defaults)` },
  d: { typed: false, rules: { [FLOOR]: 'error' }, label: 'untyped floor (no-debugger)' },
  e: { typed: false, rules: { [FLOOR]: 'error', [OURS]: 'error' }, label: `d + ${OURS}` },
  i: { typed: true, rules: { [FLOOR]: 'error', [FLOATING]: 'error' }, label: `a + ${FLOATING}` },
  j: { typed: true, rules: { [FLOOR]: 'error', [FLOATING]: 'error', [OURS]: 'error' }, label: `i + ${OURS} (shared caches)` },
  g: { typed: false, rules: { [FLOOR]: 'error', [FLOATING]: 'error' }, label: `d + ${FLOATING}` },
  h: { typed: false, rules: { [FLOOR]: 'error', [FLOATING]: 'error', [OURS]: 'error' }, label: `g + ${OURS} (shared caches)` },
};

const options = parseArgs(process.argv.slice(2));
if (options.worker) await worker(options);
else main(options);

function parseArgs(argv) {
  const out = {
    reps: 3,
    corpus: 'mongodb',
    variants: ['a', 'b', 'c', 'f', 'd', 'e'],
    worker: null,
    plugin: fileURLToPath(new URL('../dist/index.js', import.meta.url)),
  };
  for (const { arg, next } of eachArg(argv)) {
    if (arg === '--reps') out.reps = Number.parseInt(next(), 10);
    else if (arg === '--corpus') out.corpus = next();
    else if (arg === '--variants') out.variants = next().split(',');
    else if (arg === '--worker') out.worker = next();
    else if (arg === '--plugin') out.plugin = path.resolve(next());
    else throw new Error(`unknown argument ${arg}`);
  }
  for (const v of [...out.variants, ...(out.worker ? [out.worker] : [])]) {
    if (!(v in VARIANTS)) throw new Error(`unknown variant ${v}; known: ${Object.keys(VARIANTS).join(',')}`);
  }
  if (!(out.reps > 0)) throw new Error('--reps must be a positive integer');
  return out;
}

async function worker({ worker: variantName, corpus: corpusName, plugin: pluginPath }) {
  const variant = VARIANTS[variantName];
  const corpus = findCorpus(corpusName);
  const cwd = corpusDir(corpus);
  const { ESLint } = await import('eslint');
  const tseslint = (await import('typescript-eslint')).default;
  const plugin = (await import(pathToFileURL(pluginPath).href)).default;
  const config = [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      plugins: { 'async-pitfalls': plugin, '@typescript-eslint': tseslint.plugin },
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: variant.typed ? { projectService: true, tsconfigRootDir: cwd } : {},
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules: variant.rules,
    },
  ];
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false, stats: true });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const results = await eslint.lintFiles(corpus.lint);
  const cpu = process.cpuUsage(cpuBefore);
  const lintMs = performance.now() - started;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const ruleMs = {};
  const findings = [];
  let fatal = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) fatal++;
      findings.push([path.relative(cwd, result.filePath), message.line, message.ruleId, message.messageId ?? null]);
    }
    for (const pass of result.stats?.times.passes ?? []) {
      for (const [rule, { total }] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + total;
    }
  }
  process.stdout.write(`${JSON.stringify({ files: results.length, lintMs, cpuMs, ruleMs, findings, fatal })}\n`);
}

function main({ reps, corpus: corpusName, variants, plugin }) {
  const corpus = findCorpus(corpusName);
  if (!existsSync(path.join(corpusDir(corpus), '.bench-corpus.json'))) {
    const setup = spawnSync(process.execPath, [path.join(benchDir, 'setup-corpora.mjs'), corpus.name], { stdio: 'inherit' });
    if (setup.status !== 0) process.exit(setup.status ?? 1);
  }
  if (!existsSync(plugin)) {
    console.error(`${plugin} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
  console.log(`unawaited-cost: corpus ${corpus.name}@${corpus.version}, node ${process.version}, ${reps} reps of ${variants.join(',')}, stats on`);
  const runs = Object.fromEntries(variants.map((v) => [v, []]));
  for (let rep = 0; rep < reps; rep++) {
    for (const v of variants) runs[v].push(run(v, corpus));
    console.log(`  rep ${rep + 1}/${reps} done`);
  }
  const ruleOf = (v) => (v === 'c' || v === 'f' ? THEIRS : v === 'g' || v === 'i' ? FLOATING : OURS);
  console.log(`\n${runs[variants[0]][0].files} files`);
  console.log(`  ${pad('variant', 62)}${lpad('wall ms', 10)}${lpad('cpu ms', 10)}${lpad('rule ms', 10)}  findings`);
  const ruleMedian = {};
  for (const v of variants) {
    const wall = median(runs[v].map((r) => r.lintMs));
    const cpu = median(runs[v].map((r) => r.cpuMs));
    const hasRule = v !== 'a' && v !== 'd';
    ruleMedian[v] = hasRule ? median(runs[v].map((r) => r.ruleMs[ruleOf(v)] ?? 0)) : 0;
    const findings = runs[v][0].findings.filter((f) => f[2] === ruleOf(v));
    const byId = {};
    for (const f of findings) byId[f[3]] = (byId[f[3]] ?? 0) + 1;
    console.log(
      `  ${pad(`${v}  ${VARIANTS[v].label}`, 62)}${lpad(Math.round(wall).toString(), 10)}${lpad(Math.round(cpu).toString(), 10)}${lpad(hasRule ? Math.round(ruleMedian[v]).toString() : '-', 10)}  ${hasRule ? JSON.stringify(byId) : ''}`,
    );
  }
  if (ruleMedian.b && ruleMedian.c) console.log(`  typed rule time ours/theirs (checksConditionals+checksSpreads) = ${(ruleMedian.b / ruleMedian.c).toFixed(2)}`);
  if (ruleMedian.b && ruleMedian.f) console.log(`  typed rule time ours/theirs (defaults) = ${(ruleMedian.b / ruleMedian.f).toFixed(2)}`);
  for (const v of ['b', 'e'].filter((x) => runs[x])) {
    const ours = runs[v][0].findings.filter((f) => f[2] === OURS);
    if (ours.length > 0) console.log(`  ${v} findings: ${ours.slice(0, 20).map((f) => `${f[0]}:${f[1]} ${f[3]}`).join('  ')}`);
  }
  if (variants.some((v) => runs[v][0].fatal > 0)) {
    console.error('Some files failed to parse: the corpus setup is broken.');
    process.exitCode = 1;
  }
}

function run(variant, corpus) {
  const args = [fileURLToPath(import.meta.url), '--worker', variant, '--corpus', corpus.name, '--plugin', options.plugin];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (child.status !== 0) {
    console.error(`variant ${variant} failed with exit ${child.status ?? child.signal}:`);
    console.error(child.stderr || child.stdout);
    process.exit(1);
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function pad(text, width) {
  return text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length);
}

function lpad(text, width) {
  return text.length >= width ? ` ${text}` : ' '.repeat(width - text.length) + text;
}
