#!/usr/bin/env node
/**
 * What does one of our rules cost, with and without type information, next
 * to its typescript-eslint peer on the same
 * files? (DESIGN.md, Budgets.)
 *
 *   node bench/rule-cost.mjs [--rule no-floating-promise] [--peer @typescript-eslint/no-floating-promises]
 *                            [--reps 5] [--stats-reps 3] [--corpus mongodb] [--variants a,b,c,d,e] [--plugin dist/index.js]
 *
 * `npm run bench:floating` and `npm run bench:misused` run the two pairs the issues ask about.
 *
 * Variants, each linted by the ESLint Node API (`overrideConfigFile: true`,
 * `cache: false`) over the corpus with @typescript-eslint/parser:
 *   a  typed floor: projectService against the corpus tsconfig, only `no-debugger`
 *   b  a + our rule (async-pitfalls/<--rule>)
 *   c  a + the peer rule (--peer)
 *   d  untyped floor: no project, only `no-debugger`
 *   e  d + our rule
 *
 * Every run is a fresh child process: the project service and the checker's
 * type caches live for the whole process, so runs sharing one would let the
 * later variant reuse the program and the types the earlier one paid for.
 * Runs are interleaved (a,b,c,d,e,a,b,c,...) so that machine noise hits all
 * variants alike. Wall time is the `lintFiles` call (program creation
 * included, module loading excluded). Then `--stats-reps` more runs of b,c,e
 * with ESLint's `stats: true` give per-rule times summed over files (the
 * per-rule timing ESLint's `TIMING=1` prints, but per run and machine-readable;
 * stats wrap every listener in a timer, so those runs are not used for wall time).
 *
 * Plugin under test: the built dist/index.js (`npm run build` first), or the
 * build `--plugin` names (e.g. one built from a clean checkout of a commit).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchDir, corpusDir, findCorpus } from './corpora.mjs';
import { eachArg, positiveInt } from './cli.mjs';

/** `--rule` and `--peer` are read first: the variants below are built from them. */
const OURS = `async-pitfalls/${argValue('--rule') ?? 'no-floating-promise'}`;
const THEIRS = argValue('--peer') ?? '@typescript-eslint/no-floating-promises';

function argValue(name) {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}
const FLOOR = 'no-debugger';

const VARIANTS = {
  a: { typed: true, rules: [FLOOR], label: 'typed floor (no-debugger)' },
  b: { typed: true, rules: [FLOOR, OURS], label: `a + ${OURS}` },
  c: { typed: true, rules: [FLOOR, THEIRS], label: `a + ${THEIRS}` },
  d: { typed: false, rules: [FLOOR], label: 'untyped floor (no-debugger)' },
  e: { typed: false, rules: [FLOOR, OURS], label: `d + ${OURS}` },
};

const options = parseArgs(process.argv.slice(2));
if (options.worker) await worker(options);
else await main(options);

function parseArgs(argv) {
  const out = {
    reps: 5,
    statsReps: 3,
    corpus: 'mongodb',
    variants: Object.keys(VARIANTS),
    worker: null,
    stats: false,
    plugin: fileURLToPath(new URL('../dist/index.js', import.meta.url)),
  };
  for (const { arg, next } of eachArg(argv)) {
    if (arg === '--reps') out.reps = positiveInt(next(), arg);
    else if (arg === '--stats-reps') out.statsReps = Number.parseInt(next(), 10);
    else if (arg === '--corpus') out.corpus = next();
    else if (arg === '--variants') out.variants = next().split(',');
    else if (arg === '--worker') out.worker = next();
    else if (arg === '--stats') out.stats = true;
    else if (arg === '--plugin') out.plugin = path.resolve(next());
    else if (arg === '--rule' || arg === '--peer') next();
    else throw new Error(`unknown argument ${arg}`);
  }
  for (const v of [...out.variants, ...(out.worker ? [out.worker] : [])]) {
    if (!(v in VARIANTS)) throw new Error(`unknown variant ${v}; known: ${Object.keys(VARIANTS).join(',')}`);
  }
  return out;
}


// ------------------------------------------------------------------ worker (one lint run)

async function worker({ worker: variantName, corpus: corpusName, stats, plugin: pluginPath }) {
  const variant = VARIANTS[variantName];
  const corpus = findCorpus(corpusName);
  const cwd = corpusDir(corpus);
  const t0 = performance.now();
  const { ESLint } = await import('eslint');
  const tseslint = (await import('typescript-eslint')).default;
  const plugin = (await import(pathToFileURL(pluginPath).href)).default;
  const importMs = performance.now() - t0;

  const config = [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      plugins: { 'async-pitfalls': plugin, '@typescript-eslint': tseslint.plugin },
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: variant.typed ? { projectService: true, tsconfigRootDir: cwd } : {},
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules: Object.fromEntries(variant.rules.map((rule) => [rule, 'error'])),
    },
  ];
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false, stats });
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  const results = await eslint.lintFiles(corpus.lint);
  const cpu = process.cpuUsage(cpu1);
  const lintMs = performance.now() - t1;
  const cpuMs = (cpu.user + cpu.system) / 1000;

  const findings = [];
  const ruleMs = {};
  let parseMs = 0;
  let fatal = 0;
  let lines = 0;
  for (const result of results) {
    const file = path.relative(cwd, result.filePath);
    lines += countLines(result.filePath);
    for (const m of result.messages) {
      if (m.fatal) fatal++;
      findings.push([file, m.line, m.column, m.ruleId, m.messageId ?? null]);
    }
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [rule, { total }] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + total;
    }
  }
  const report = {
    variant: variantName,
    files: results.length,
    lines,
    importMs,
    lintMs,
    cpuMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    fatal,
    findings,
    ...(stats ? { parseMs, ruleMs } : {}),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function countLines(file) {
  return readFileSync(file, 'utf8').split('\n').length;
}

// ------------------------------------------------------------------ parent (schedule, summarise)

async function main({ reps, statsReps, corpus: corpusName, variants, plugin }) {
  const corpus = findCorpus(corpusName);
  const dir = corpusDir(corpus);
  if (!existsSync(path.join(dir, '.bench-corpus.json'))) {
    console.log(`corpus ${corpus.name}@${corpus.version} missing: running setup-corpora.mjs`);
    const setup = spawnSync(process.execPath, [path.join(benchDir, 'setup-corpora.mjs'), corpus.name], { stdio: 'inherit' });
    if (setup.status !== 0) process.exit(setup.status ?? 1);
  }
  if (!existsSync(plugin)) {
    console.error(`${plugin} is missing: run \`npm run build\` first`);
    process.exit(1);
  }

  console.log(
    `rule-cost (${OURS} vs ${THEIRS}): corpus ${corpus.name}@${corpus.version} (${corpus.lint.join(' ')}), plugin ${path.relative(process.cwd(), plugin)}, ` +
      `node ${process.version}, ${reps} reps interleaved ${variants.join(',')}, fresh process per run`,
  );

  const wall = Object.fromEntries(variants.map((v) => [v, []]));
  const first = {};
  for (let rep = 0; rep < reps; rep++) {
    const line = [];
    for (const v of variants) {
      const r = run(v, corpus, false);
      wall[v].push(r);
      first[v] ??= r;
      line.push(`${v} ${fmt(r.lintMs)}/${fmt(r.cpuMs)}`);
    }
    console.log(`  rep ${rep + 1}/${reps}: ${line.join('  ')} (wall/cpu ms)`);
  }

  const statsVariants = ['b', 'c', 'e'].filter((v) => variants.includes(v));
  const stats = Object.fromEntries(statsVariants.map((v) => [v, []]));
  for (let rep = 0; rep < statsReps; rep++) {
    for (const v of statsVariants) stats[v].push(run(v, corpus, true));
    console.log(`  stats rep ${rep + 1}/${statsReps} done`);
  }

  const any = first[variants[0]];
  console.log(`\n${any.files} files, ${any.lines} lines`);
  const metrics = [
    ['lintMs', 'Wall time of lintFiles (ms), fresh process per run'],
    ['cpuMs', 'CPU time (user+sys) of lintFiles (ms): less sensitive to other processes on the machine'],
  ];
  for (const [metric, title] of metrics) {
    console.log(`\n${title}:`);
    console.log(`  ${pad('variant', 58)}${lpad('median', 9)}${lpad('min', 9)}${lpad('max', 9)}  added over its floor (median)   max RSS MB`);
    const med = {};
    for (const v of variants) {
      const times = wall[v].map((r) => r[metric]);
      med[v] = median(times);
      const floor = VARIANTS[v].typed ? 'a' : 'd';
      let added = '';
      if (v !== floor && med[floor] !== undefined) {
        const delta = med[v] - med[floor];
        added = `${delta >= 0 ? '+' : ''}${fmt(delta)} ms (${delta >= 0 ? '+' : ''}${((100 * delta) / med[floor]).toFixed(1)}%)`;
      }
      console.log(
        `  ${pad(`${v}  ${VARIANTS[v].label}`, 58)}${lpad(fmt(med[v]), 9)}${lpad(fmt(Math.min(...times)), 9)}${lpad(fmt(Math.max(...times)), 9)}  ${pad(added, 31)}${lpad(fmt(median(wall[v].map((r) => r.maxRssMb))), 9)}`,
      );
    }
    if (['a', 'b', 'c'].every((v) => variants.includes(v))) {
      const ofMedians = (med.b - med.a) / (med.c - med.a);
      const paired = median(wall.a.map((_, i) => (wall.b[i][metric] - wall.a[i][metric]) / (wall.c[i][metric] - wall.a[i][metric])));
      console.log(`  typed   (b-a)/(c-a) = ${ofMedians.toFixed(2)} from medians; ${paired.toFixed(2)} median of per-rep ratios`);
    }
    if (['d', 'e'].every((v) => variants.includes(v))) {
      const paired = median(wall.d.map((_, i) => wall.e[i][metric] / wall.d[i][metric]));
      console.log(
        `  untyped e/d = ${(med.e / med.d).toFixed(3)} from medians; ${paired.toFixed(3)} median of per-rep ratios (budget for the whole recommended set: <= 1.10)`,
      );
    }
  }
  console.log('  (differences of a few hundred ms are within run-to-run noise here: trust the per-rule times below more)');

  if (statsReps > 0 && statsVariants.length > 0) {
    console.log(`\nPer-rule time from ESLint stats (ms summed over files, median of ${statsReps} runs; stats runs are slower, compare within):`);
    const rows = [];
    for (const v of statsVariants) {
      const rules = Object.keys(stats[v][0].ruleMs).sort();
      for (const rule of rules) rows.push([v, rule, median(stats[v].map((r) => r.ruleMs[rule] ?? 0))]);
      rows.push([v, '(parse, incl. program creation when typed)', median(stats[v].map((r) => r.parseMs))]);
      rows.push([v, '(lintFiles wall, stats on)', median(stats[v].map((r) => r.lintMs))]);
    }
    for (const [v, rule, ms] of rows) console.log(`  ${v}  ${pad(rule, 50)}${lpad(fmt(ms), 10)}`);
    const ruleMed = (v, rule) => median(stats[v].map((r) => r.ruleMs[rule] ?? 0));
    if (stats.b && stats.c) {
      console.log(`  typed   ours/theirs rule time = ${(ruleMed('b', OURS) / ruleMed('c', THEIRS)).toFixed(2)}`);
    }
    if (stats.e) {
      const total = median(stats.e.map((r) => r.lintMs));
      console.log(`  untyped ours = ${((100 * ruleMed('e', OURS)) / total).toFixed(1)}% of the untyped lint wall time (stats run)`);
    }
  }

  console.log('\nFindings (first run of each variant):');
  for (const v of variants) {
    const byRule = countBy(first[v].findings, (f) => f[3] ?? '(fatal)');
    const parts = Object.entries(byRule).map(([rule, n]) => `${rule} ${n}`);
    console.log(`  ${v}  ${parts.length > 0 ? parts.join(', ') : 'none'}${first[v].fatal ? `  (${first[v].fatal} FATAL parse errors)` : ''}`);
  }
  for (const v of ['b', 'e'].filter((x) => first[x])) {
    const byMessage = countBy(
      first[v].findings.filter((f) => f[3] === OURS),
      (f) => f[4],
    );
    console.log(`  ${v}  ours by messageId: ${Object.entries(byMessage).map(([id, n]) => `${id} ${n}`).join(', ') || 'none'}`);
  }
  if (first.b && first.c) {
    const key = (f) => `${f[0]}:${f[1]}`;
    const ours = new Set(first.b.findings.filter((f) => f[3] === OURS).map(key));
    const theirs = new Set(first.c.findings.filter((f) => f[3] === THEIRS).map(key));
    const both = [...ours].filter((k) => theirs.has(k));
    console.log(
      `  typed overlap by file:line: both ${both.length}, only ours ${ours.size - both.length}, only theirs ${theirs.size - both.length}`,
    );
    const show = (label, keys) => {
      if (keys.length === 0) return;
      console.log(`    ${label} (first 10): ${keys.slice(0, 10).join('  ')}`);
    };
    show('only ours', [...ours].filter((k) => !theirs.has(k)).sort());
    show('only theirs', [...theirs].filter((k) => !ours.has(k)).sort());
  }
  if (first.b && first.e) {
    const typed = first.b.findings.filter((f) => f[3] === OURS).length;
    const untyped = first.e.findings.filter((f) => f[3] === OURS).length;
    console.log(`  ours typed ${typed} vs untyped ${untyped}`);
  }
  const fatal = variants.some((v) => first[v].fatal > 0);
  if (fatal) {
    console.error('\nSome files failed to parse: the corpus setup is broken.');
    process.exitCode = 1;
  }
}

function run(variant, corpus, stats) {
  const args = [fileURLToPath(import.meta.url), '--worker', variant, '--corpus', corpus.name, '--plugin', options.plugin];
  args.push('--rule', OURS.slice('async-pitfalls/'.length), '--peer', THEIRS);
  if (stats) args.push('--stats');
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (child.status !== 0) {
    console.error(`variant ${variant}${stats ? ' (stats)' : ''} failed with exit ${child.status ?? child.signal}:`);
    console.error(child.stderr || child.stdout);
    process.exit(1);
  }
  const last = child.stdout.trim().split('\n').at(-1);
  return JSON.parse(last);
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function countBy(items, keyOf) {
  const out = {};
  for (const item of items) {
    const key = keyOf(item);
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

function fmt(ms) {
  return Math.round(ms).toString();
}

function pad(text, width) {
  return text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length);
}

function lpad(text, width) {
  return text.length >= width ? ` ${text}` : ' '.repeat(width - text.length) + text;
}
