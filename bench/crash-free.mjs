#!/usr/bin/env node
/**
 * "No rule may crash on any input ESLint can parse" (DESIGN.md, Budgets),
 * checked on thousands of real files: every rule of the plugin (the `all`
 * set: every config's rules at once) runs over every
 * .ts/.tsx/.mts/.cts/.js/.mjs/.cjs file of this project's node_modules/ and of
 * every benchmark corpus (bench/corpora.mjs, their installed dependencies
 * included), untyped; then typed, with the project service, over every file of
 * each TypeScript corpus's program (its `lint` globs).
 *
 *   npm run bench:crash        everything (sets the corpora up first when missing)
 *   npm run bench:crash:ci     the bounded CI subset (see package.json: --sample N --seed S --max-bytes B);
 *                              it does not build: .ci/run built dist/ in an earlier step
 *   node bench/crash-free.mjs [--dir DIR ...] [--sample N --seed S] [--max-bytes B] [--no-typed] [--limit N]
 *                             [--no-check-fixes] [--slow-ms 2000] [--show-findings 20] [--plugin dist/index.js]
 *
 * --dir DIR      lint these folders instead (untyped only); repeatable
 * --sample N     a deterministic subset: the sorted file list shuffled by a
 *                PRNG seeded with --seed (default 1), first N files. Untyped
 *                only, and corpora only when already set up (never fetched):
 *                in CI (a fresh clone) that is node_modules/ alone.
 * --max-bytes B  leave out files larger than B bytes before sampling (a 9 MB
 *                typescript.js alone takes a minute per parser: the full run
 *                covers those, a time-bounded subset should not draw them)
 * --no-typed     skip the typed pass
 *
 * Untyped: TypeScript files are parsed with @typescript-eslint/parser;
 * JavaScript files twice, with espree (ESLint's default) and with
 * @typescript-eslint/parser (how many users lint their JS). sourceType
 * follows the extension (.mjs/.mts module, .cjs/.cts commonjs); for the others
 * `module` is tried first and `commonjs` when that does not parse. Typed: the
 * same rules with `projectService` + `tsconfigRootDir` of the corpus.
 *
 * - parse failure: the file does not parse with that parser; not our crash,
 *   counted separately.
 * - crash: a rule throws; prints file, parser, rule and stack. Exit code 1.
 * - broken suggestion (unless --no-check-fixes): applying one of our
 *   suggestions to a file under 512 kB leaves code that no longer parses. Exit code 1.
 *
 * Uses `Linter` directly (no per-file config file lookup). The plugin is the
 * built dist/index.js (`npm run build` first), or the build `--plugin` names.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { benchDir, corpora, corpusDir, isTyped } from './corpora.mjs';
import { eachArg, fmtSec, indent, loadBuiltPlugin } from './cli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TS_EXT = new Set(['.ts', '.tsx', '.mts', '.cts']);
const JS_EXT = new Set(['.js', '.mjs', '.cjs']);
const FIX_CHECK_MAX_BYTES = 512 * 1024;

const options = parseArgs(process.argv.slice(2));
const plugin = await loadBuiltPlugin(options.plugin);

const namespace = plugin.meta?.namespace ?? 'async-pitfalls';
const ruleIds = collectRuleIds();
// Each rule as the `all` config sets it (its strict-only checks on), else with its defaults.
const allRules = Object.fromEntries(ruleIds.map((id) => [id, plugin.configs?.all?.rules?.[id] ?? 'error']));
// Linter applies ESLint's default ignores (`**/node_modules/`): undo that.
const unignore = { ignores: ['!**/node_modules/'] };
const parsers = {
  espree: { parser: undefined, extensions: JS_EXT },
  'typescript-eslint': { parser: tsParser, extensions: new Set([...TS_EXT, ...JS_EXT]) },
};
/** The typed pass's parser name (same parser, with the project service). */
const TYPED = 'typescript-eslint typed';
const configCache = new Map();
const linters = new Map();

const totals = {
  files: 0,
  runs: 0,
  typedFiles: 0,
  typedRuns: 0,
  parseFailures: { espree: 0, 'typescript-eslint': 0, [TYPED]: 0 },
  crashes: [],
  findings: Object.fromEntries(ruleIds.map((id) => [id, 0])),
  findingsByParser: { espree: 0, 'typescript-eslint': 0, [TYPED]: 0 },
  suggestionsChecked: 0,
  brokenSuggestions: [],
  slow: [],
  otherMessages: {},
  findingSamples: new Map(),
  parseFailureSamples: [],
};

const t0 = performance.now();
const roots = options.dirs ? options.dirs.map((dir) => ({ label: path.relative(process.cwd(), dir) || '.', dir, corpus: null })) : defaultRoots();
let files = roots.flatMap((root) => listFiles(root.dir).map((file) => ({ file, root })));
if (options.maxBytes !== null) files = files.filter(({ file }) => statSync(file).size <= options.maxBytes);
const listed = files.length;
if (options.sample !== null) files = sample(files, options.sample, options.seed);
files = files.slice(0, options.limit ?? Infinity);
const typedPasses = options.typed && options.sample === null && !options.dirs ? roots.filter((root) => root.corpus && isTyped(root.corpus)) : [];
const listMs = performance.now() - t0;
console.log(`crash-free: plugin ${path.relative(process.cwd(), options.plugin)}; rules ${ruleIds.join(', ')}; fix check ${options.checkFixes ? 'on' : 'off'}`);
console.log(
  `untyped: ${files.length} files` +
    (options.sample !== null ? ` (--sample ${options.sample} --seed ${options.seed} of ${listed})` : '') +
    (options.maxBytes !== null ? ` (--max-bytes ${options.maxBytes})` : '') +
    (options.limit ? ` (--limit ${options.limit})` : '') +
    ` under ${roots.map((root) => `${root.label} (${files.filter((f) => f.root === root).length})`).join(', ')}`,
);
console.log(`typed: ${typedPasses.length > 0 ? typedPasses.map((root) => `${root.label} (${root.corpus.lint.join(' ')})`).join(', ') : 'none'}`);

for (const root of typedPasses) {
  const typedFiles = expandLintGlobs(root.dir, root.corpus.lint);
  const started = performance.now();
  for (const file of typedFiles) lintFileTyped(file, root);
  console.log(`  typed ${root.label}: ${typedFiles.length} files in ${fmtSec(performance.now() - started)}, ${totals.crashes.length} crashes so far`);
}
const progressEvery = Math.max(250, Math.ceil(files.length / 10));
for (const [index, { file, root }] of files.entries()) {
  lintFile(file, root);
  if ((index + 1) % progressEvery === 0) {
    console.log(`  untyped ${index + 1}/${files.length} files, ${totals.crashes.length} crashes, ${fmtSec(performance.now() - t0)}`);
  }
}
const totalMs = performance.now() - t0;

console.log('\nSummary');
console.log(`  files linted           ${totals.files} untyped (${totals.runs} lint runs: JS files run with both parsers), ${totals.typedFiles} typed (${totals.typedRuns} lint runs)`);
console.log(
  `  parse failures         espree ${totals.parseFailures.espree}, typescript-eslint ${totals.parseFailures['typescript-eslint']}, typed ${totals.parseFailures[TYPED]} (not ours)`,
);
console.log(`  crashes                ${totals.crashes.length}`);
console.log(`  findings               ${Object.entries(totals.findings).map(([id, n]) => `${id} ${n}`).join(', ')}`);
console.log(
  `                         (espree runs ${totals.findingsByParser.espree}, typescript-eslint runs ${totals.findingsByParser['typescript-eslint']}, typed runs ${totals.findingsByParser[TYPED]})`,
);
if (options.checkFixes) {
  console.log(`  suggestions re-parsed  ${totals.suggestionsChecked}, broken ${totals.brokenSuggestions.length}`);
}
console.log(`  time                   ${fmtSec(totalMs)} (listing ${fmtSec(listMs)})`);
if (totals.parseFailureSamples.length > 0) {
  console.log(`  parse failures (first ${Math.min(10, totals.parseFailureSamples.length)}):`);
  for (const sample of totals.parseFailureSamples.slice(0, 10)) console.log(`    ${sample}`);
}
if (options.showFindings > 0 && totals.findingSamples.size > 0) {
  console.log(`  findings (${totals.findingSamples.size} distinct locations; first ${Math.min(options.showFindings, totals.findingSamples.size)}):`);
  for (const [where, f] of [...totals.findingSamples].slice(0, options.showFindings)) {
    console.log(`    ${where} ${f.messageId} [${f.parsers.join(', ')}]  ${f.line}`);
  }
}
const other = Object.entries(totals.otherMessages).sort((a, b) => b[1] - a[1]);
if (other.length > 0) console.log(`  other linter messages  ${other.slice(0, 5).map(([m, n]) => `${n}x ${JSON.stringify(m.slice(0, 100))}`).join('; ')}`);
const slowest = totals.slow.sort((a, b) => b.ms - a.ms).slice(0, 5);
console.log(`  slowest lint runs      ${slowest.map((s) => `${relative(s.file)} [${s.parser}] ${Math.round(s.ms)} ms`).join('; ')}`);

if (totals.crashes.length > 0) {
  console.log('\nCrashes');
  for (const crash of totals.crashes) {
    console.log(`\n  ${crash.file} [${crash.parser}, ${crash.sourceType}] rule ${crash.rule}`);
    console.log(indent(crash.stack, '    '));
  }
}
if (totals.brokenSuggestions.length > 0) {
  console.log('\nSuggestions that leave code that does not parse');
  for (const broken of totals.brokenSuggestions.slice(0, 50)) {
    console.log(`\n  ${broken.file}:${broken.line}:${broken.column} [${broken.parser}] ${broken.rule} ${broken.messageId} -> ${broken.suggestion}`);
    console.log(`    parse error: ${broken.error}`);
    console.log(`    before: ${broken.before}`);
    console.log(`    after:  ${broken.after}`);
  }
}
process.exitCode = totals.crashes.length > 0 || totals.brokenSuggestions.length > 0 ? 1 : 0;

// ------------------------------------------------------------------ lint one file

function lintFile(file, root) {
  const ext = path.extname(file);
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  totals.files++;
  for (const parserName of Object.keys(parsers)) {
    if (!parsers[parserName].extensions.has(ext)) continue;
    lintWithSourceTypes(file, text, parserName, root.dir);
  }
}

/** The typed pass: one run per file with the project service of the corpus at `root.dir`. */
function lintFileTyped(file, root) {
  const text = readFileSync(file, 'utf8');
  totals.typedFiles++;
  lintWithSourceTypes(file, text, TYPED, root.dir);
}

function lintWithSourceTypes(file, text, parserName, cwd) {
  const ext = path.extname(file);
  const sourceTypes = ext === '.mjs' || ext === '.mts' ? ['module'] : ext === '.cjs' || ext === '.cts' ? ['commonjs'] : ['module', 'commonjs'];
  for (const sourceType of sourceTypes) {
    const outcome = runOnce(file, text, parserName, sourceType, cwd);
    if (outcome.kind !== 'parse-failure') break;
    if (sourceType === sourceTypes.at(-1)) {
      totals.parseFailures[parserName]++;
      totals.parseFailureSamples.push(`${relative(file)} [${parserName}] ${outcome.message}`);
    }
  }
}

/** Config `files` patterns are relative to the Linter's cwd: files outside it would match no config, so one Linter per root. */
function linterFor(cwd) {
  let linter = linters.get(cwd);
  if (!linter) {
    linter = new Linter({ cwd });
    linters.set(cwd, linter);
  }
  return linter;
}

/** One lint run: its outcome kind 'ok', 'parse-failure' (with the parser's message) or 'crash'. */
function runOnce(file, text, parserName, sourceType, cwd) {
  if (parserName === TYPED) totals.typedRuns++;
  else totals.runs++;
  const linter = linterFor(cwd);
  const config = configFor(parserName, sourceType, allRules, cwd);
  const start = performance.now();
  let messages;
  try {
    messages = linter.verify(text, config, { filename: file });
  } catch (error) {
    recordCrash(file, text, parserName, sourceType, cwd, error);
    return { kind: 'crash' };
  } finally {
    const ms = performance.now() - start;
    totals.slow.push({ file, parser: parserName, ms });
    if (totals.slow.length > 50) totals.slow = totals.slow.sort((a, b) => b.ms - a.ms).slice(0, 10);
    if (ms > options.slowMs) console.log(`  slow: ${relative(file)} [${parserName}] ${Math.round(ms)} ms`);
  }
  const fatal = messages.find((m) => m.fatal);
  if (fatal) return { kind: 'parse-failure', message: `${fatal.line}:${fatal.column} ${fatal.message}` };
  for (const m of messages) {
    if (m.ruleId === null) {
      // Not a rule's report: a config that matched nothing would silently check nothing.
      if (m.message.startsWith('No matching configuration')) throw new Error(`bench config error: ${m.message}`);
      const key = m.message.includes('has no effect because you have') ? 'inline config comment ignored (noInlineConfig)' : m.message;
      totals.otherMessages[key] = (totals.otherMessages[key] ?? 0) + 1;
      continue;
    }
    if (m.ruleId && m.ruleId in totals.findings) {
      totals.findings[m.ruleId]++;
      totals.findingsByParser[parserName]++;
      const where = `${relative(file)}:${m.line}:${m.column}`;
      const seen = totals.findingSamples.get(where);
      if (seen) seen.parsers.push(parserName);
      else totals.findingSamples.set(where, { rule: m.ruleId, messageId: m.messageId, parsers: [parserName], line: lineAt(text, m.line) });
      if (options.checkFixes && text.length <= FIX_CHECK_MAX_BYTES) checkSuggestions(file, text, parserName, sourceType, cwd, m);
    }
  }
  return { kind: 'ok' };
}

function recordCrash(file, text, parserName, sourceType, cwd, error) {
  const linter = linterFor(cwd);
  // Blame: the rule ESLint attached, else whichever rule throws when run alone.
  let rule = error?.ruleId ?? null;
  if (!rule) {
    for (const id of ruleIds) {
      try {
        linter.verify(text, configFor(parserName, sourceType, { [id]: 'error' }, cwd), { filename: file });
      } catch {
        rule = id;
        break;
      }
    }
  }
  if (!rule) {
    try {
      linter.verify(text, configFor(parserName, sourceType, {}, cwd), { filename: file });
      rule = '(only with all rules together)';
    } catch {
      rule = '(none: ESLint/parser fails without our rules, not ours)';
    }
  }
  const crash = { file, parser: parserName, sourceType, rule, stack: String(error?.stack ?? error) };
  totals.crashes.push(crash);
  console.log(`  CRASH ${file} [${parserName}] ${rule}: ${String(error?.message ?? error).split('\n')[0]}`);
}

function checkSuggestions(file, text, parserName, sourceType, cwd, message) {
  // Re-parsed untyped: the question is whether the text parses, and the project service would see the file on disk.
  const reparser = parserName === TYPED ? 'typescript-eslint' : parserName;
  const linter = linterFor(cwd);
  for (const suggestion of message.suggestions ?? []) {
    const { range, text: replacement } = suggestion.fix;
    const fixed = text.slice(0, range[0]) + replacement + text.slice(range[1]);
    totals.suggestionsChecked++;
    const after = linter.verify(fixed, configFor(reparser, sourceType, {}, cwd), { filename: file });
    const fatal = after.find((m) => m.fatal);
    if (!fatal) continue;
    totals.brokenSuggestions.push({
      file,
      line: message.line,
      column: message.column,
      parser: parserName,
      rule: message.ruleId,
      messageId: message.messageId,
      suggestion: suggestion.messageId ?? suggestion.desc,
      error: `${fatal.message} (${fatal.line}:${fatal.column})`,
      before: excerpt(text, range[0], range[1]),
      after: excerpt(fixed, range[0], range[0] + replacement.length),
    });
  }
}

function configFor(parserName, sourceType, rules, cwd) {
  const typed = parserName === TYPED;
  const key = `${parserName}|${sourceType}|${typed ? cwd : ''}|${Object.keys(rules).join(',')}`;
  let config = configCache.get(key);
  if (!config) {
    const parser = typed ? tsParser : parsers[parserName].parser;
    config = [
      unignore,
      {
        // Not `**/*`: a universal pattern alone matches no file (only JS through ESLint's defaults).
        files: [...TS_EXT, ...JS_EXT].map((ext) => `**/*${ext}`),
        plugins: { [namespace]: plugin },
        languageOptions: {
          sourceType,
          ...(parser ? { parser } : {}),
          ...(typed ? { parserOptions: { projectService: true, tsconfigRootDir: cwd } } : {}),
        },
        linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
        rules,
      },
    ];
    configCache.set(key, config);
  }
  return config;
}

// ------------------------------------------------------------------ helpers

function collectRuleIds() {
  const ids = new Set();
  for (const config of Object.values(plugin.configs ?? {})) {
    for (const id of Object.keys(config.rules ?? {})) if (id.startsWith(`${namespace}/`)) ids.add(id);
  }
  // Rules in no config yet still must not crash.
  for (const name of Object.keys(plugin.rules ?? {})) ids.add(`${namespace}/${name}`);
  return [...ids].sort();
}

function listFiles(dir) {
  const out = [];
  const walk = (current) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      // Symlinks (node_modules/.bin, workspace links) point at files listed elsewhere; dot folders
      // (node_modules/.cache, tools' scratch space) are no installed package and differ between machines.
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) walk(full);
      }
      else if (entry.isFile()) {
        const ext = path.extname(entry.name);
        if (TS_EXT.has(ext) || JS_EXT.has(ext)) out.push(full);
      }
    }
  };
  walk(dir);
  return out.sort();
}

function parseArgs(argv) {
  const out = {
    dirs: null,
    limit: null,
    sample: null,
    seed: 1,
    maxBytes: null,
    typed: true,
    checkFixes: true,
    slowMs: 2000,
    showFindings: 20,
    plugin: path.join(root, 'dist/index.js'),
  };
  for (const { arg, next } of eachArg(argv)) {
    if (arg === '--dir') out.dirs = [...(out.dirs ?? []), path.resolve(next())];
    else if (arg === '--limit') out.limit = Number.parseInt(next(), 10);
    else if (arg === '--sample') out.sample = Number.parseInt(next(), 10);
    else if (arg === '--seed') out.seed = Number.parseInt(next(), 10);
    else if (arg === '--max-bytes') out.maxBytes = Number.parseInt(next(), 10);
    else if (arg === '--no-typed') out.typed = false;
    else if (arg === '--no-check-fixes') out.checkFixes = false;
    else if (arg === '--slow-ms') out.slowMs = Number.parseInt(next(), 10);
    else if (arg === '--plugin') out.plugin = path.resolve(next());
    else if (arg === '--show-findings') out.showFindings = Number.parseInt(next(), 10);
    else throw new Error(`unknown argument ${arg}`);
  }
  for (const dir of out.dirs ?? []) {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`--dir ${dir} is not a directory`);
  }
  if (out.limit !== null && !(out.limit > 0)) throw new Error('--limit must be a positive integer');
  if (out.sample !== null && !(out.sample > 0)) throw new Error('--sample must be a positive integer');
  if (!Number.isInteger(out.seed)) throw new Error('--seed must be an integer');
  if (out.maxBytes !== null && !(out.maxBytes > 0)) throw new Error('--max-bytes must be a positive integer');
  return out;
}

/**
 * This project's node_modules and every benchmark corpus. A full run sets up the missing corpora first;
 * a sampled run (CI, a fresh clone) never fetches: it uses those already present.
 */
function defaultRoots() {
  const missing = corpora.filter((corpus) => !existsSync(path.join(corpusDir(corpus), '.bench-corpus.json')));
  if (missing.length > 0 && options.sample === null) {
    console.log(`corpora missing: ${missing.map((c) => c.name).join(', ')}; running setup-corpora.mjs`);
    const setup = spawnSync(process.execPath, [path.join(benchDir, 'setup-corpora.mjs'), ...missing.map((c) => c.name)], { stdio: 'inherit' });
    if (setup.status !== 0) process.exit(setup.status ?? 1);
  } else if (missing.length > 0) {
    console.log(`corpora not set up, left out of the sample: ${missing.map((c) => c.name).join(', ')} (node bench/setup-corpora.mjs adds them)`);
  }
  const present = corpora.filter((corpus) => existsSync(path.join(corpusDir(corpus), '.bench-corpus.json')));
  return [
    { label: 'node_modules', dir: path.join(root, 'node_modules'), corpus: null },
    ...present.map((corpus) => ({ label: `${corpus.name}@${corpus.version}`, dir: corpusDir(corpus), corpus })),
  ];
}

/** A corpus's `lint` globs, all of the form `<folder>/**\/*.<ext>`, as sorted absolute paths. */
function expandLintGlobs(dir, patterns) {
  const out = [];
  for (const pattern of patterns) {
    const match = /^([^*]+)\/\*\*\/\*(\.[a-z]+)$/.exec(pattern);
    if (!match) throw new Error(`crash-free understands lint globs of the form <folder>/**/*.<ext>, not ${pattern}`);
    const [, folder, ext] = match;
    out.push(...listFiles(path.join(dir, folder)).filter((file) => file.endsWith(ext)));
  }
  return out.sort();
}

/** The first `n` of `items` after a Fisher–Yates shuffle driven by mulberry32(seed): the same subset for the same file list. */
function sample(items, n, seed) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled.slice(0, n).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** A file's path for the report: relative to the repository when inside it. */
function relative(file) {
  const rel = path.relative(root, file);
  return rel.startsWith('..') ? file : rel;
}

function lineAt(text, line) {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return JSON.stringify(text.slice(start, end === -1 ? undefined : end).trim().slice(0, 120));
}

function excerpt(text, start, end) {
  const from = Math.max(0, text.lastIndexOf('\n', start - 1) + 1);
  let to = text.indexOf('\n', end);
  if (to === -1) to = text.length;
  const snippet = text.slice(from, Math.min(to, from + 300));
  return JSON.stringify(snippet);
}


