#!/usr/bin/env node
/**
 * "No rule may crash on any input ESLint can parse" (DESIGN.md, Budgets),
 * checked on thousands of real files: every rule of every config of the plugin
 * runs untyped over every .ts/.tsx/.mts/.cts/.js/.mjs/.cjs file under a folder
 * (default: this project's node_modules/).
 *
 *   node bench/crash-free.mjs [--dir DIR] [--limit N] [--no-check-fixes] [--slow-ms 2000] [--show-findings 20] [--plugin dist/index.js]
 *
 * TypeScript files are parsed with @typescript-eslint/parser; JavaScript files
 * twice, with espree (ESLint's default) and with @typescript-eslint/parser (how
 * many users lint their JS). sourceType follows the extension (.mjs/.mts
 * module, .cjs/.cts commonjs); for the others `module` is tried first and
 * `commonjs` when that does not parse.
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
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TS_EXT = new Set(['.ts', '.tsx', '.mts', '.cts']);
const JS_EXT = new Set(['.js', '.mjs', '.cjs']);
const FIX_CHECK_MAX_BYTES = 512 * 1024;

const options = parseArgs(process.argv.slice(2));
const plugin = (await import(pathToFileURL(options.plugin).href)).default;

const namespace = plugin.meta?.namespace ?? 'async-pitfalls';
const ruleIds = collectRuleIds();
const allRules = Object.fromEntries(ruleIds.map((id) => [id, 'error']));
// Linter applies ESLint's default ignores (`**/node_modules/`): undo that.
const unignore = { ignores: ['!**/node_modules/'] };
const parsers = {
  espree: { parser: undefined, extensions: JS_EXT },
  'typescript-eslint': { parser: tsParser, extensions: new Set([...TS_EXT, ...JS_EXT]) },
};
const configCache = new Map();

// Config `files` patterns are relative to cwd: files outside it would match no config.
const linter = new Linter({ cwd: options.dir });
const totals = {
  files: 0,
  runs: 0,
  parseFailures: { espree: 0, 'typescript-eslint': 0 },
  crashes: [],
  findings: Object.fromEntries(ruleIds.map((id) => [id, 0])),
  findingsByParser: { espree: 0, 'typescript-eslint': 0 },
  suggestionsChecked: 0,
  brokenSuggestions: [],
  slow: [],
  otherMessages: {},
  findingSamples: new Map(),
  parseFailureSamples: [],
};

const t0 = performance.now();
const files = listFiles(options.dir).slice(0, options.limit ?? Infinity);
const listMs = performance.now() - t0;
console.log(
  `crash-free: plugin ${path.relative(process.cwd(), options.plugin)}; rules ${ruleIds.join(', ')}; ${files.length} files under ${path.relative(process.cwd(), options.dir) || '.'}` +
    `${options.limit ? ` (--limit ${options.limit})` : ''}; fix check ${options.checkFixes ? 'on' : 'off'}`,
);

const progressEvery = Math.max(250, Math.ceil(files.length / 10));
for (const [index, file] of files.entries()) {
  lintFile(file);
  if ((index + 1) % progressEvery === 0) {
    console.log(`  ${index + 1}/${files.length} files, ${totals.crashes.length} crashes, ${fmtSec(performance.now() - t0)}`);
  }
}
const totalMs = performance.now() - t0;

console.log('\nSummary');
console.log(`  files linted           ${totals.files} (${totals.runs} lint runs: JS files run with both parsers)`);
console.log(`  parse failures         espree ${totals.parseFailures.espree}, typescript-eslint ${totals.parseFailures['typescript-eslint']} (not ours)`);
console.log(`  crashes                ${totals.crashes.length}`);
console.log(`  findings               ${Object.entries(totals.findings).map(([id, n]) => `${id} ${n}`).join(', ')}`);
console.log(`                         (espree runs ${totals.findingsByParser.espree}, typescript-eslint runs ${totals.findingsByParser['typescript-eslint']})`);
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
console.log(`  slowest lint runs      ${slowest.map((s) => `${path.relative(options.dir, s.file)} [${s.parser}] ${Math.round(s.ms)} ms`).join('; ')}`);

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

function lintFile(file) {
  const ext = path.extname(file);
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  totals.files++;
  for (const [parserName, parser] of Object.entries(parsers)) {
    if (!parser.extensions.has(ext)) continue;
    const sourceTypes = ext === '.mjs' || ext === '.mts' ? ['module'] : ext === '.cjs' || ext === '.cts' ? ['commonjs'] : ['module', 'commonjs'];
    for (const sourceType of sourceTypes) {
      const outcome = runOnce(file, text, parserName, sourceType);
      if (outcome.kind !== 'parse-failure') break;
      if (sourceType === sourceTypes.at(-1)) {
        totals.parseFailures[parserName]++;
        totals.parseFailureSamples.push(`${path.relative(options.dir, file)} [${parserName}] ${outcome.message}`);
      }
    }
  }
}

/** One lint run: its outcome kind 'ok', 'parse-failure' (with the parser's message) or 'crash'. */
function runOnce(file, text, parserName, sourceType) {
  totals.runs++;
  const config = configFor(parserName, sourceType, allRules);
  const start = performance.now();
  let messages;
  try {
    messages = linter.verify(text, config, { filename: file });
  } catch (error) {
    recordCrash(file, text, parserName, sourceType, error);
    return { kind: 'crash' };
  } finally {
    const ms = performance.now() - start;
    totals.slow.push({ file, parser: parserName, ms });
    if (totals.slow.length > 50) totals.slow = totals.slow.sort((a, b) => b.ms - a.ms).slice(0, 10);
    if (ms > options.slowMs) console.log(`  slow: ${path.relative(options.dir, file)} [${parserName}] ${Math.round(ms)} ms`);
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
      const where = `${path.relative(options.dir, file)}:${m.line}:${m.column}`;
      const seen = totals.findingSamples.get(where);
      if (seen) seen.parsers.push(parserName);
      else totals.findingSamples.set(where, { rule: m.ruleId, messageId: m.messageId, parsers: [parserName], line: lineAt(text, m.line) });
      if (options.checkFixes && text.length <= FIX_CHECK_MAX_BYTES) checkSuggestions(file, text, parserName, sourceType, m);
    }
  }
  return { kind: 'ok' };
}

function recordCrash(file, text, parserName, sourceType, error) {
  // Blame: the rule ESLint attached, else whichever rule throws when run alone.
  let rule = error?.ruleId ?? null;
  if (!rule) {
    for (const id of ruleIds) {
      try {
        linter.verify(text, configFor(parserName, sourceType, { [id]: 'error' }), { filename: file });
      } catch {
        rule = id;
        break;
      }
    }
  }
  if (!rule) {
    try {
      linter.verify(text, configFor(parserName, sourceType, {}), { filename: file });
      rule = '(only with all rules together)';
    } catch {
      rule = '(none: ESLint/parser fails without our rules, not ours)';
    }
  }
  const crash = { file, parser: parserName, sourceType, rule, stack: String(error?.stack ?? error) };
  totals.crashes.push(crash);
  console.log(`  CRASH ${file} [${parserName}] ${rule}: ${String(error?.message ?? error).split('\n')[0]}`);
}

function checkSuggestions(file, text, parserName, sourceType, message) {
  for (const suggestion of message.suggestions ?? []) {
    const { range, text: replacement } = suggestion.fix;
    const fixed = text.slice(0, range[0]) + replacement + text.slice(range[1]);
    totals.suggestionsChecked++;
    const after = linter.verify(fixed, configFor(parserName, sourceType, {}), { filename: file });
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

function configFor(parserName, sourceType, rules) {
  const key = `${parserName}|${sourceType}|${Object.keys(rules).join(',')}`;
  let config = configCache.get(key);
  if (!config) {
    const { parser } = parsers[parserName];
    config = [
      unignore,
      {
        // Not `**/*`: a universal pattern alone matches no file (only JS through ESLint's defaults).
        files: [...TS_EXT, ...JS_EXT].map((ext) => `**/*${ext}`),
        plugins: { [namespace]: plugin },
        languageOptions: { sourceType, ...(parser ? { parser } : {}) },
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
      // Symlinks (node_modules/.bin, workspace links) point at files listed elsewhere.
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(full);
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
  const out = { dir: path.join(root, 'node_modules'), limit: null, checkFixes: true, slowMs: 2000, showFindings: 20, plugin: path.join(root, 'dist/index.js') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === '--dir') out.dir = path.resolve(next());
    else if (arg === '--limit') out.limit = Number.parseInt(next(), 10);
    else if (arg === '--no-check-fixes') out.checkFixes = false;
    else if (arg === '--slow-ms') out.slowMs = Number.parseInt(next(), 10);
    else if (arg === '--plugin') out.plugin = path.resolve(next());
    else if (arg === '--show-findings') out.showFindings = Number.parseInt(next(), 10);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!statSync(out.dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`--dir ${out.dir} is not a directory`);
  if (out.limit !== null && !(out.limit > 0)) throw new Error('--limit must be a positive integer');
  return out;
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

function indent(text, prefix) {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function fmtSec(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
