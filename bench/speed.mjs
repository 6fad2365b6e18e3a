#!/usr/bin/env node
/**
 * Issue #7's speed table: whole ESLint runs over each benchmark corpus
 * (bench/corpora.mjs), one fresh child process per run, and the two budgets of
 * DESIGN.md as ratios measured in the same run.
 *
 *   npm run bench:speed                        (builds dist/ first)
 *   node bench/speed.mjs [--corpus NAME[,NAME]] [--reps 5] [--only 1,2,3u,...] [--timing] [--plugin dist/index.js]
 *
 * Rows (every run: the ESLint Node API, `overrideConfigFile: true` and an
 * inline config, `cache: false`, @typescript-eslint/parser, the corpus's `lint`
 * globs; every row after the floors is its floor + a rule set):
 *   1   untyped floor: `no-debugger` only (zero rules is not the floor: ESLint
 *       then skips work any plugin pays for)
 *   2   typed floor: `projectService` + `tsconfigRootDir`, `no-debugger` only
 *       (program creation and the parser's node maps)
 *   3u  1 + our `recommended` (the BUILT plugin, dist/index.js)
 *   3t  2 + our `recommended-type-checked`
 *   4   2 + typescript-eslint's async rules as DESIGN.md lists them:
 *       no-floating-promises, no-misused-promises, await-thenable,
 *       promise-function-async, require-await, return-await
 *   4a  2 + the first four of those (issue #7's list)
 *   5   1 + ESLint core async rules (no-async-promise-executor,
 *       no-await-in-loop, no-promise-executor-return, require-atomic-updates,
 *       no-return-await: deprecated but still in ESLint 10) +
 *       eslint-plugin-promise `flat/recommended` + eslint-plugin-n `no-sync`
 *       (eslint-plugin-n 18 throws "requires type information" when the parser
 *       gives node maps without a program, as @typescript-eslint/parser does
 *       untyped: this row's parser drops the two maps, nothing else)
 *   su  1 + our `strict` (information)
 *   st  2 + our `strict-type-checked` (information)
 * An untyped corpus (`typed: false`, plain JS) runs 1, 3u, 5, su only.
 *
 * Each rep runs every row once, the row order rotated by one per rep so
 * machine noise and cache warmth hit all rows alike. Per row: median wall of
 * the whole child process (spawn to exit: module loading, program creation,
 * linting; what a user waits for), min–max, the median CPU time of that
 * process (user + system; steadier than wall when others share the machine),
 * peak RSS (the child's `process.resourceUsage().maxRSS`), and findings per
 * rule (identical in every rep, else the script says so). The corpus's own
 * `eslint-disable` comments are ignored (`noInlineConfig`): they name its own
 * lint rules, and honouring them would silence typescript-eslint's rules and
 * not ours. Ratios, each from medians of this run and as the median of the
 * per-rep ratios, in whole-run wall (the budget's measure), `lintFiles` wall
 * and whole-run CPU:
 *   3u / 1              budget <= 1.10 (DESIGN.md: untyped set <= 10% over the floor)
 *   (3t - 2) / (4 - 2)  budget <= 0.50 (typed set adds <= half of what theirs adds)
 *
 * `--timing` adds one run each of 3u, 3t, 4, 5 with ESLint's `stats: true`
 * (what `TIMING=all` prints, per rule, summed over files); stats wrap every
 * listener in a timer, so those runs are kept out of the wall-time table.
 *
 * A failed child (exit code, fatal parse error, a file count that differs
 * between rows) prints its stderr and fails the script.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchDir, corpora, corpusDir, findCorpus, isTyped } from './corpora.mjs';
import { eachArg, positiveInt } from './cli.mjs';

const FLOOR = 'no-debugger';
const TSESLINT_FOUR = [
  '@typescript-eslint/no-floating-promises',
  '@typescript-eslint/no-misused-promises',
  '@typescript-eslint/await-thenable',
  '@typescript-eslint/promise-function-async',
];
const TSESLINT_SIX = [...TSESLINT_FOUR, '@typescript-eslint/require-await', '@typescript-eslint/return-await'];
const CORE_ASYNC = ['no-async-promise-executor', 'no-await-in-loop', 'no-promise-executor-return', 'require-atomic-updates', 'no-return-await'];

/** `ours` names a config of our plugin; `rules` lists rules turned on as 'error'; `promise` adds eslint-plugin-promise's flat/recommended. */
const ROWS = {
  1: { typed: false, label: 'untyped floor: no-debugger' },
  2: { typed: true, label: 'typed floor: project service + no-debugger' },
  '3u': { typed: false, ours: 'recommended', label: '1 + async-pitfalls recommended' },
  '3t': { typed: true, ours: 'recommended-type-checked', label: '2 + async-pitfalls recommended-type-checked' },
  4: { typed: true, rules: TSESLINT_SIX, label: '2 + typescript-eslint async rules (6, DESIGN.md)' },
  '4a': { typed: true, rules: TSESLINT_FOUR, label: '2 + typescript-eslint async rules (first 4)' },
  5: { typed: false, rules: [...CORE_ASYNC, 'n/no-sync'], promise: true, withoutNodeMaps: true, label: '1 + core async + promise/recommended + n/no-sync' },
  su: { typed: false, ours: 'strict', label: '1 + async-pitfalls strict (information)' },
  st: { typed: true, ours: 'strict-type-checked', label: '2 + async-pitfalls strict-type-checked (information)' },
};
/** Table order (an object's integer-like keys would come first: 1, 2, 4, 5, 3u, ...). */
const ROW_ORDER = ['1', '2', '3u', '3t', '4', '4a', '5', 'su', 'st'];
const TIMING_ROWS = ['3u', '3t', '4', '5'];
/** [report field, name]: the measures every ratio is computed in. */
const METRICS = [
  ['wallMs', 'wall'],
  ['lintMs', 'lintFiles'],
  ['cpuMs', 'CPU'],
];

const options = parseArgs(process.argv.slice(2));
if (options.worker) await worker(options);
else main(options);

function parseArgs(argv) {
  const out = {
    corpora: null,
    reps: 5,
    only: null,
    timing: false,
    worker: null,
    stats: false,
    plugin: fileURLToPath(new URL('../dist/index.js', import.meta.url)),
  };
  for (const { arg, next } of eachArg(argv)) {
    if (arg === '--corpus') out.corpora = [...(out.corpora ?? []), ...next().split(',')];
    else if (arg === '--reps') out.reps = positiveInt(next(), arg);
    else if (arg === '--only') out.only = next().split(',');
    else if (arg === '--timing') out.timing = true;
    else if (arg === '--worker') out.worker = next();
    else if (arg === '--stats') out.stats = true;
    else if (arg === '--plugin') out.plugin = path.resolve(next());
    else throw new Error(`unknown argument ${arg}`);
  }
  for (const row of [...(out.only ?? []), ...(out.worker ? [out.worker] : [])]) {
    if (!(row in ROWS)) throw new Error(`unknown row ${row}; known: ${ROW_ORDER.join(',')}`);
  }
  return out;
}


// ------------------------------------------------------------------ worker: one whole ESLint run

async function worker({ worker: rowId, corpora: names, stats, plugin: pluginPath }) {
  const row = ROWS[rowId];
  const corpus = findCorpus(names[0]);
  const cwd = corpusDir(corpus);
  const js = !isTyped(corpus);

  // Load only what the row uses: a user of the floor does not load our plugin either.
  const { ESLint } = await import('eslint');
  const tsParser = await import('@typescript-eslint/parser');
  const parser = row.withoutNodeMaps
    ? {
        meta: { name: 'typescript-eslint-parser-without-node-maps' },
        parseForESLint(code, parserOptions) {
          const result = tsParser.parseForESLint(code, parserOptions);
          return { ...result, services: { ...result.services, esTreeNodeToTSNodeMap: undefined, tsNodeToESTreeNodeMap: undefined } };
        },
      }
    : tsParser;
  const plugins = {};
  const rules = { [FLOOR]: 'error' };
  if (row.ours) {
    const plugin = (await import(pathToFileURL(pluginPath).href)).default;
    const config = plugin.configs[row.ours];
    if (!config) throw new Error(`${pluginPath} has no config ${row.ours}`);
    plugins[plugin.meta?.namespace ?? 'async-pitfalls'] = plugin;
    Object.assign(rules, config.rules);
  }
  if (row.rules?.some((r) => r.startsWith('@typescript-eslint/'))) {
    plugins['@typescript-eslint'] = (await import('typescript-eslint')).default.plugin;
  }
  if (row.rules?.some((r) => r.startsWith('n/'))) plugins.n = (await import('eslint-plugin-n')).default;
  if (row.promise) {
    const promise = (await import('eslint-plugin-promise')).default;
    plugins.promise = promise;
    Object.assign(rules, promise.configs['flat/recommended'].rules);
  }
  for (const rule of row.rules ?? []) rules[rule] = 'error';

  const config = [
    {
      files: js ? ['**/*.js', '**/*.cjs', '**/*.mjs'] : ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      plugins,
      languageOptions: {
        parser,
        ...(corpus.sourceType ? { sourceType: corpus.sourceType } : {}),
        parserOptions: row.typed ? { projectService: true, tsconfigRootDir: cwd } : {},
      },
      // The corpus's own eslint-disable comments name its own rules: honouring them would hide findings of
      // whichever rule shares a name with theirs (typescript-eslint's) and not ours.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      rules,
    },
  ];
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false, stats });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const results = await eslint.lintFiles(corpus.lint);
  const cpu = process.cpuUsage(cpu0);
  const lintMs = performance.now() - t0;

  const byRule = Object.fromEntries(
    Object.entries(rules)
      .filter(([, level]) => level !== 'off' && level !== 0)
      .map(([r]) => [r, 0]),
  );
  const ruleMs = {};
  let parseMs = 0;
  const fatal = [];
  let other = 0; // ESLint's own notes: inline config ignored (noInlineConfig)
  let lines = 0;
  for (const result of results) {
    lines += readFileSync(result.filePath, 'utf8').split('\n').length;
    for (const m of result.messages) {
      if (m.fatal) fatal.push(`${path.relative(cwd, result.filePath)}:${m.line}:${m.column} ${m.message}`);
      else if (m.ruleId !== null && m.ruleId in byRule) byRule[m.ruleId]++;
      else other++;
    }
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [rule, { total }] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + total;
    }
  }
  const report = {
    row: rowId,
    files: results.length,
    lines,
    lintMs,
    lintCpuMs: (cpu.user + cpu.system) / 1000,
    cpuMs: wholeCpuMs(),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    fatal,
    byRule,
    other,
    ...(stats ? { parseMs, ruleMs } : {}),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** User + system CPU time of this whole process so far (all threads: module loading, GC helpers included). */
function wholeCpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

// ------------------------------------------------------------------ parent: schedule, summarise

function main({ corpora: names, reps, only, timing, plugin }) {
  const selected = names ? names.map(findCorpus) : corpora;
  if (!existsSync(plugin)) fail(`${plugin} is missing: run \`npm run build\` first (npm run bench:speed does)`);
  const missing = selected.filter((c) => !existsSync(path.join(corpusDir(c), '.bench-corpus.json')));
  if (missing.length > 0) {
    console.log(`corpora missing: ${missing.map((c) => c.name).join(', ')}; running setup-corpora.mjs`);
    const setup = spawnSync(process.execPath, [path.join(benchDir, 'setup-corpora.mjs'), ...missing.map((c) => c.name)], { stdio: 'inherit' });
    if (setup.status !== 0) process.exit(setup.status ?? 1);
  }

  const cpus = os.cpus();
  console.log(`# bench/speed.mjs ${process.argv.slice(2).join(' ')}`.trimEnd());
  console.log(
    `machine: ${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
      `node ${process.version}, ${os.platform()} ${os.release()}; load average ${loadavg()} at start`,
  );
  console.log(`plugin ${path.relative(process.cwd(), plugin)}; ${reps} reps per row, rows interleaved and rotated per rep, one fresh process per run`);

  const summaries = [];
  for (const corpus of selected) summaries.push(benchCorpus(corpus, reps, only, timing, plugin));

  console.log(`\n## Ratios (all corpora; load average ${loadavg()} at the end)\n`);
  console.log('| corpus | 3u / 1 wall | 3u / 1 CPU | (3t − 2) / (4 − 2) wall | (3t − 2) / (4 − 2) CPU | (3t − 2) / (4a − 2) wall |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  const cell = (r, digits) => (r ? `${r.fromMedians.toFixed(digits)} [${r.perRep.toFixed(digits)}]` : '–');
  for (const { corpus, ratios } of summaries) {
    if (!ratios) continue;
    console.log(
      `| ${corpus} | ${cell(ratios.wall.untyped, 3)} | ${cell(ratios.CPU.untyped, 3)} | ${cell(ratios.wall.typed, 2)} | ${cell(ratios.CPU.typed, 2)} | ${cell(ratios.wall.typedFour, 2)} |`,
    );
  }
  console.log('\nBudgets (DESIGN.md): 3u / 1 <= 1.10; (3t − 2) / (4 − 2) <= 0.50. Each cell: from medians [median of the per-rep ratios]; wall and CPU of whole runs.');
}

function benchCorpus(corpus, reps, only, timing, plugin) {
  const typed = isTyped(corpus);
  const applicable = ROW_ORDER.filter((id) => typed || !ROWS[id].typed);
  const rows = only ? applicable.filter((id) => only.includes(id)) : applicable;
  const label = `${corpus.name}@${corpus.version}`;
  console.log(`\n## ${label} (${corpus.lint.join(' ')}${typed ? '' : ', untyped: plain JavaScript'})\n`);
  if (rows.length === 0) {
    console.log(`no applicable rows among --only ${only.join(',')}`);
    return { corpus: label, ratios: null };
  }

  const runs = Object.fromEntries(rows.map((id) => [id, []]));
  for (let rep = 0; rep < reps; rep++) {
    const order = rows.map((_, i) => rows[(i + rep) % rows.length]);
    const line = [];
    for (const id of order) {
      const r = run(corpus, id, false, plugin);
      runs[id].push(r);
      line.push(`${id} ${sec(r.wallMs)}`);
    }
    console.log(`  rep ${rep + 1}/${reps}: ${line.join('  ')} (s, whole run; load ${loadavg()})`);
  }

  // Every row must have linted the same files, with the same findings in every rep.
  const first = Object.fromEntries(rows.map((id) => [id, runs[id][0]]));
  const files = new Set(rows.map((id) => first[id].files));
  if (files.size !== 1) fail(`${label}: rows linted different numbers of files: ${rows.map((id) => `${id} ${first[id].files}`).join(', ')}`);
  for (const id of rows) {
    const expected = JSON.stringify(first[id].byRule);
    if (runs[id].some((r) => JSON.stringify(r.byRule) !== expected)) console.log(`  WARNING: row ${id} reported different findings in different reps`);
  }

  const any = first[rows[0]];
  console.log(`\n${any.files} files, ${any.lines} lines\n`);
  console.log('| row | setup | wall median (s) | min–max (s) | CPU median (s) | peak RSS median (MB) | findings |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const id of rows) {
    const walls = runs[id].map((r) => r.wallMs);
    const findings = Object.entries(first[id].byRule)
      .filter(([rule]) => rule !== FLOOR)
      .reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `| ${id} | ${ROWS[id].label} | ${sec(median(walls))} | ${sec(Math.min(...walls))}–${sec(Math.max(...walls))} | ` +
        `${sec(median(runs[id].map((r) => r.cpuMs)))} | ${Math.round(median(runs[id].map((r) => r.maxRssMb)))} | ${id === '1' || id === '2' ? '–' : findings} |`,
    );
  }
  console.log('(wall: the whole child process, spawn to exit; CPU: user + system time of that process, all threads; peak RSS: its maxRSS)');

  // Each ratio in three measures: whole-run wall (the budget's), lintFiles wall, whole-run CPU (steadier on a shared machine).
  const has = (...ids) => ids.every((id) => rows.includes(id));
  const ratio = (metric, fn) => {
    const med = (id) => median(runs[id].map((r) => r[metric]));
    const perRep = median(runs[rows[0]].map((_, i) => fn((id) => runs[id][i][metric])));
    return { fromMedians: fn(med), perRep };
  };
  const ratios = {};
  const untyped = (v) => v('3u') / v('1');
  const typedOver = (peer) => (v) => (v('3t') - v('2')) / (v(peer) - v('2'));
  for (const [metric, key] of METRICS) {
    ratios[key] = {};
    if (has('1', '3u')) ratios[key].untyped = ratio(metric, untyped);
    if (has('2', '3t', '4')) ratios[key].typed = ratio(metric, typedOver('4'));
    if (has('2', '3t', '4a')) ratios[key].typedFour = ratio(metric, typedOver('4a'));
  }
  console.log('');
  const show = (r, digits) => (r ? `${r.fromMedians.toFixed(digits)} [${r.perRep.toFixed(digits)}]` : '–');
  if (has('1', '3u')) {
    console.log(`3u / 1 = ${METRICS.map(([, key]) => `${show(ratios[key].untyped, 3)} ${key}`).join(', ')} (budget <= 1.10)`);
  }
  if (has('2', '3t', '4')) {
    const med = (id) => median(runs[id].map((r) => r.wallMs));
    console.log(`(3t − 2) / (4 − 2) = ${METRICS.map(([, key]) => `${show(ratios[key].typed, 2)} ${key}`).join(', ')} (budget <= 0.50)`);
    console.log(`  ours adds ${sec(med('3t') - med('2'))} s, theirs ${sec(med('4') - med('2'))} s over a ${sec(med('2'))} s typed floor (wall medians)`);
  }
  if (has('2', '3t', '4a')) {
    console.log(`(3t − 2) / (4a − 2) = ${METRICS.map(([, key]) => `${show(ratios[key].typedFour, 2)} ${key}`).join(', ')} (the four-rule peer set)`);
  }
  console.log('(each: from medians [median of the per-rep ratios])');

  console.log('\nFindings per rule (identical in every rep unless a WARNING says otherwise):\n');
  const findingRows = rows.filter((id) => id !== '1' && id !== '2');
  console.log(`| rule | ${findingRows.join(' | ')} |`);
  console.log(`| --- | ${findingRows.map(() => '---').join(' | ')} |`);
  const allRules = [...new Set(findingRows.flatMap((id) => Object.keys(first[id].byRule)))].filter((r) => r !== FLOOR).sort();
  for (const rule of allRules) {
    console.log(`| ${rule} | ${findingRows.map((id) => (rule in first[id].byRule ? first[id].byRule[rule] : '')).join(' | ')} |`);
  }

  if (timing) {
    const timingRows = TIMING_ROWS.filter((id) => rows.includes(id));
    console.log(`\nPer-rule time (ESLint stats, ms summed over files; one run each of ${timingRows.join(', ')}; stats runs are slower, compare within):\n`);
    const ruleTotals = {};
    for (const id of timingRows) {
      const r = run(corpus, id, true, plugin);
      const entries = Object.entries(r.ruleMs).sort((a, b) => b[1] - a[1]);
      const ruleTotal = entries.reduce((sum, [, ms]) => sum + ms, 0);
      ruleTotals[id] = ruleTotal;
      console.log(`  ${id} (${ROWS[id].label}): lintFiles ${Math.round(r.lintMs)} ms, parse${ROWS[id].typed ? ' incl. program' : ''} ${Math.round(r.parseMs)} ms, rules ${Math.round(ruleTotal)} ms`);
      for (const [rule, ms] of entries) console.log(`    ${pad(rule, 52)}${lpad(Math.round(ms).toString(), 8)} ms`);
    }
    if (ruleTotals['3t'] !== undefined && ruleTotals['4'] !== undefined) {
      // The rules' own time, without program creation: the part of (3t − 2) / (4 − 2) that machine noise cannot fake.
      console.log(`  rule time 3t / 4 = ${(ruleTotals['3t'] / ruleTotals['4']).toFixed(2)} (stats runs; our set's listeners against theirs)`);
    }
  }
  return { corpus: label, ratios };
}

function run(corpus, row, stats, plugin) {
  const args = [fileURLToPath(import.meta.url), '--worker', row, '--corpus', corpus.name, '--plugin', plugin];
  if (stats) args.push('--stats');
  const t0 = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  const what = `${corpus.name} row ${row}${stats ? ' (stats)' : ''}`;
  if (child.status !== 0) fail(`${what} failed with ${child.status ?? child.signal}:\n${child.stderr || child.stdout}`);
  let report;
  try {
    report = JSON.parse(child.stdout.trim().split('\n').at(-1));
  } catch {
    fail(`${what} printed no report:\n${child.stdout}\n${child.stderr}`);
  }
  if (report.fatal.length > 0) fail(`${what}: ${report.fatal.length} files failed to parse (corpus setup broken?):\n  ${report.fatal.slice(0, 10).join('\n  ')}`);
  return { ...report, wallMs };
}

function fail(message) {
  console.error(`\nbench/speed.mjs: ${message}`);
  process.exit(1);
}

function loadavg() {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function sec(ms) {
  return (ms / 1000).toFixed(2);
}

function pad(text, width) {
  return text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length);
}

function lpad(text, width) {
  return text.length >= width ? ` ${text}` : ' '.repeat(width - text.length) + text;
}
