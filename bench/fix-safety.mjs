#!/usr/bin/env node
/**
 * "Every fix must leave code that parses, and that type-checks where it did
 * before" (DESIGN.md, Budgets), checked on real code: every autofix and every
 * first suggestion of every rule, applied one at a time to the original file.
 *
 *   node bench/fix-safety.mjs [--corpus NAME] [--rule NAME] [--limit N] [--mode both|typed|untyped] [--verbose] [--plugin dist/index.js]
 *
 * Corpora: every entry of bench/corpora.mjs that `setup-corpora.mjs` has
 * prepared on disk (TypeScript unless the entry says `typed: false`), plus this
 * repository's examples/ and every tests/corpus*\/ folder with a tsconfig.json.
 * `--corpus` picks one by name (`mongodb`, `examples`, `tests/corpus`).
 *
 * 1. Lint: the ESLint Node API over the corpus's files with the plugin's `all`
 *    config. TypeScript corpora twice (`--mode` picks one): typed
 *    (@typescript-eslint/parser with the project service on the corpus
 *    tsconfig) and untyped (the same parser, no program: what `recommended`
 *    users get, and where the rules know least about types). Plain-JS corpora
 *    untyped with espree. Inline config comments are ignored, so nothing is
 *    disabled. An edit both modes offer is checked once.
 * 2. For each message of ours: its autofix and its first suggestion, each
 *    applied alone to the original text (ESLint's fix: replace a range):
 *    a. parse: the edited file must parse with the parser of the lint run;
 *    b. types (TypeScript corpora): no TypeScript diagnostic that the original
 *       program did not have. The corpus program is built once from its
 *       tsconfig; its syntactic and semantic diagnostics (and, where the
 *       tsconfig emits declarations, the edited file's declaration
 *       diagnostics, which `tsc --noEmit` reports too) are the baseline,
 *       compared as counts of "file, code, message" since positions shift.
 *       Each edit gets a program in which that one file's text is replaced
 *       (structure reused from the baseline program), checked incrementally
 *       by TypeScript's own builder, as `tsc --watch` does: the edited file,
 *       and, when its declaration signature changed, the files that depend on
 *       it. A new error in any file counts;
 *    c. the rule that offered the edit re-lints the edited file, in each mode
 *       that offered it (typed through the edited program): if it reports
 *       that message as many times as before, the edit did not remove the
 *       report ("still reported", informational; counted, not located, since
 *       an edit moves code and nested reports overlap).
 * Prints per corpus and rule: messages, fixes and suggestions checked, parse
 * failures, new type errors (file:line, rule, the edit as a diff, the new
 * diagnostic), still reported; and the time. Exit code 1 on any parse
 * failure or new type error. `--limit N` checks the first N edits per corpus;
 * `--verbose` prints every edit that is still reported.
 *
 * The plugin is the built dist/index.js (`npm run build` first), or the build
 * `--plugin` names.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import ts from 'typescript';
import { corpora as benchCorpora, corpusDir } from './corpora.mjs';
import { eachArg, fmtSec, indent, loadBuiltPlugin } from './cli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs'];

const options = parseArgs(process.argv.slice(2));
const plugin = await loadBuiltPlugin(options.plugin);
const namespace = plugin.meta?.namespace ?? 'async-pitfalls';
const allRules = plugin.configs.all.rules;
const ruleIds = options.rule ? [qualified(options.rule)] : Object.keys(allRules).sort();
for (const id of ruleIds) if (!(id in allRules)) throw new Error(`unknown rule ${id}; known: ${Object.keys(allRules).join(', ')}`);

const corpora = listCorpora().filter((c) => !options.corpus || c.name === options.corpus || c.label === options.corpus);
if (corpora.length === 0) {
  console.error(`no corpus ${options.corpus ?? ''} on disk; known: ${listCorpora().map((c) => c.name).join(', ')} (node bench/setup-corpora.mjs prepares bench/corpora.mjs's)`);
  process.exit(1);
}
const missing = benchCorpora.filter((c) => !existsSync(path.join(corpusDir(c), '.bench-corpus.json')));
console.log(
  `fix-safety: plugin ${path.relative(process.cwd(), options.plugin)}; ${ruleIds.length === 1 ? `rule ${ruleIds[0]}` : `all ${ruleIds.length} rules`}; ` +
    `corpora ${corpora.map((c) => c.label).join(', ')}${missing.length > 0 ? ` (not set up, skipped: ${missing.map((c) => c.name).join(', ')})` : ''}; node ${process.version}, TypeScript ${ts.version}`,
);

const failures = [];
const summaries = [];
for (const corpus of corpora) summaries.push(await checkCorpus(corpus));

console.log('\nSummary');
const header = ['corpus', 'files', 'messages typed', 'untyped', 'fixes', 'suggestions', 'parse failures', 'new type errors', 'still reported', 'time'];
const rows = summaries.map((s) => [
  s.label,
  s.files,
  s.typed ? s.total.messages.typed : '-',
  s.total.messages.untyped,
  s.total.fixes,
  s.total.suggestions,
  s.total.parseFailures,
  s.total.typeErrors,
  s.total.stillReported,
  fmtSec(s.ms),
]);
printTable(header, rows);
console.log(failures.length === 0 ? '\nNo edit broke parsing or typing.' : `\n${failures.length} broken edits (listed above per corpus).`);
process.exitCode = failures.length > 0 ? 1 : 0;

// ------------------------------------------------------------------ corpora

function listCorpora() {
  const out = [];
  for (const corpus of benchCorpora) {
    const dir = corpusDir(corpus);
    if (!existsSync(path.join(dir, '.bench-corpus.json'))) continue;
    const typed = corpus.typed !== false;
    out.push({
      name: corpus.name,
      label: `${corpus.name}@${corpus.version}`,
      dir,
      typed,
      patterns: corpus.lint,
      tsconfig: typed ? path.join(dir, 'tsconfig.json') : null,
      sourceType: corpus.sourceType ?? packageSourceType(dir),
    });
  }
  const examples = path.join(root, 'examples');
  out.push({ name: 'examples', label: 'examples/', dir: examples, typed: true, patterns: ['src/**/*.ts'], tsconfig: path.join(examples, 'tsconfig.json') });
  const testsDir = path.join(root, 'tests');
  for (const entry of readdirSync(testsDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith('corpus')) continue;
    const dir = path.join(testsDir, entry.name);
    const tsconfig = path.join(dir, 'tsconfig.json');
    if (!existsSync(tsconfig)) continue;
    out.push({ name: `tests/${entry.name}`, label: `tests/${entry.name}/`, dir, typed: true, patterns: TS_FILES, tsconfig });
  }
  return out;
}

/** `.js` files are CommonJS unless the package says `"type": "module"` (setup-corpora keeps the original as package.original.json). */
function packageSourceType(dir) {
  for (const name of ['package.original.json', 'package.json']) {
    const file = path.join(dir, name);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).type === 'module' ? 'module' : 'commonjs';
  }
  return 'commonjs';
}

// ------------------------------------------------------------------ one corpus

async function checkCorpus(corpus) {
  const t0 = performance.now();
  const modes = corpus.typed ? options.modes : ['untyped'];
  console.log(`\n== ${corpus.label} (${corpus.typed ? 'TypeScript' : 'JavaScript'}; lint ${modes.join(' and ')}) ${path.relative(process.cwd(), corpus.dir) || '.'}: ${corpus.patterns.join(' ')}`);

  // 1. Lint, in each mode; an edit both modes offer is checked once.
  const perRule = new Map(ruleIds.map((id) => [id, emptyCounts()]));
  const edits = new Map();
  /** How many times each (mode, file, rule, messageId) was reported in the original. */
  const reportCounts = new Map();
  const lintMs = {};
  let files = 0;
  for (const mode of modes) {
    const start = performance.now();
    const results = await lintCorpus(corpus, mode);
    lintMs[mode] = performance.now() - start;
    files = results.length;
    let messages = 0;
    for (const result of results) {
      for (const message of result.messages) {
        if (message.fatal) {
          console.log(`  parse error in the original (${mode}, skipped): ${rel(corpus, result.filePath)}:${message.line} ${message.message}`);
          continue;
        }
        const counts = perRule.get(message.ruleId);
        if (!counts) {
          // Inline config comments are ignored on purpose (noInlineConfig), and ESLint says so for each.
          if (message.ruleId === null && !message.message.includes('noInlineConfig')) {
            console.log(`  linter message (${mode}): ${rel(corpus, result.filePath)}:${message.line} ${message.message}`);
          }
          continue;
        }
        counts.messages[mode]++;
        messages++;
        const reportKey = [mode, result.filePath, message.ruleId, message.messageId].join('\0');
        reportCounts.set(reportKey, (reportCounts.get(reportKey) ?? 0) + 1);
        const first = message.suggestions?.[0];
        if (message.fix) addEdit(edits, result.filePath, mode, message, 'fix', 'autofix', message.fix);
        if (first) addEdit(edits, result.filePath, mode, message, 'suggestion', first.messageId ?? first.desc, first.fix);
      }
    }
    console.log(`  linted ${results.length} files ${mode} in ${fmtSec(lintMs[mode])}: ${messages} messages`);
  }
  const all = [...edits.values()];
  const checked = options.limit ? all.slice(0, options.limit) : all;
  console.log(
    `  ${all.length} distinct edits (${all.filter((e) => e.kind === 'fix').length} fixes, ${all.filter((e) => e.kind === 'suggestion').length} first suggestions)` +
      `${checked.length < all.length ? `; checking the first ${checked.length} (--limit)` : ''}`,
  );

  // 2. Baseline program.
  const t1 = performance.now();
  const checker = corpus.typed ? createTypeCheck(corpus) : null;
  if (checker) {
    console.log(
      `  baseline program: ${checker.rootCount} root files, ${checker.baselineCount} diagnostics in the original, built and checked in ${fmtSec(performance.now() - t1)}`,
    );
  }

  // 3. Each edit alone.
  const linter = new Linter({ cwd: corpus.dir });
  const parseConfig = [{ files: corpus.typed ? TS_FILES : JS_FILES, languageOptions: languageOptionsFor(corpus, null) }];
  const texts = new Map();
  const t2 = performance.now();
  const progressEvery = Math.max(50, Math.ceil(checked.length / 10));
  const broken = [];
  for (const [index, edit] of checked.entries()) {
    const counts = perRule.get(edit.ruleId);
    counts[edit.kind === 'fix' ? 'fixes' : 'suggestions']++;
    let text = texts.get(edit.file);
    if (text === undefined) {
      text = readFileSync(edit.file, 'utf8');
      texts.set(edit.file, text);
    }
    const [start, end] = edit.fix.range;
    const edited = text.slice(0, start) + edit.fix.text + text.slice(end);
    const [message] = edit.messages.values();
    const describe = () => ({
      where: `${rel(corpus, edit.file)}:${message.line}:${message.column}`,
      rule: edit.ruleId,
      messageId: message.messageId,
      edit: `${edit.kind} ${edit.name}, offered ${[...edit.messages.keys()].join(' and ')}`,
      diff: diff(text, edit.fix),
    });

    // a. parse
    const parsed = linter.verify(edited, parseConfig, { filename: edit.file });
    const parseError = parsed.find((m) => m.fatal);
    if (parseError) {
      counts.parseFailures++;
      broken.push({ ...describe(), problem: `parse error: ${parseError.message} (${parseError.line}:${parseError.column})` });
      continue;
    }

    // b. types
    let program = null;
    if (checker) {
      const outcome = checker.check(edit.file, edited, `edit-${index}`);
      program = outcome.program;
      if (outcome.newDiagnostics.length > 0) {
        counts.typeErrors++;
        broken.push({ ...describe(), problem: outcome.newDiagnostics.map((d) => `new TS${d.code} at ${d.where}: ${d.message}`).join('\n') });
      }
    }

    // c. the report is gone, in each mode that asked for the edit
    let still = false;
    for (const [mode, original] of edit.messages) {
      if (mode === 'typed' && !program) continue;
      const relintConfig = [
        {
          files: corpus.typed ? TS_FILES : JS_FILES,
          plugins: { [namespace]: plugin },
          languageOptions: languageOptionsFor(corpus, mode === 'typed' ? { programs: [program] } : null),
          linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
          rules: { [edit.ruleId]: allRules[edit.ruleId] },
        },
      ];
      const after = linter.verify(edited, relintConfig, { filename: edit.file });
      const before = reportCounts.get([mode, edit.file, edit.ruleId, original.messageId].join('\0')) ?? 0;
      if (after.filter((m) => m.ruleId === edit.ruleId && m.messageId === original.messageId).length >= before) still = true;
    }
    if (still) {
      counts.stillReported++;
      if (options.verbose) {
        const d = describe();
        console.log(`  still reported: ${d.where} ${d.rule} (${d.messageId}) ${d.edit}\n${indent(d.diff, '    ')}`);
      }
    }
    if ((index + 1) % progressEvery === 0) {
      console.log(`  ${index + 1}/${checked.length} edits, ${broken.length} broken, ${fmtSec(performance.now() - t2)}`);
    }
  }
  const checkMs = performance.now() - t2;

  const total = emptyCounts();
  const rows = [];
  const row = (name, c) => [name, ...(corpus.typed ? [c.messages.typed, c.messages.untyped] : [c.messages.untyped]), c.fixes, c.suggestions, c.parseFailures, c.typeErrors, c.stillReported];
  for (const [id, counts] of perRule) {
    addCounts(total, counts);
    if (counts.messages.typed + counts.messages.untyped === 0) continue;
    rows.push(row(id.slice(namespace.length + 1), counts));
  }
  rows.push(row('total', total));
  console.log('');
  const messageColumns = corpus.typed ? ['messages typed', 'untyped'] : ['messages'];
  printTable(['rule', ...messageColumns, 'fixes', 'suggestions', 'parse failures', 'new type errors', 'still reported'], rows, '  ');
  const ms = performance.now() - t0;
  console.log(
    `  time: ${fmtSec(ms)} (lint ${modes.map((m) => `${m} ${fmtSec(lintMs[m])}`).join(', ')}, baseline program ${fmtSec(t2 - t1)}, ${checked.length} edits ${fmtSec(checkMs)}` +
      `${checked.length > 0 ? `, ${Math.round(checkMs / checked.length)} ms each` : ''})`,
  );
  for (const failure of broken) {
    console.log(`\n  BROKEN ${failure.where} ${failure.rule} (${failure.messageId}) ${failure.edit}`);
    console.log(indent(failure.diff, '    '));
    console.log(indent(failure.problem, '    '));
  }
  failures.push(...broken);
  return { label: corpus.label, typed: corpus.typed, files, total, ms };
}

function lintCorpus(corpus, mode) {
  const rules = Object.fromEntries(ruleIds.map((id) => [id, allRules[id]]));
  const eslint = new ESLint({
    cwd: corpus.dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        ...plugin.configs.all,
        files: corpus.typed ? TS_FILES : JS_FILES,
        languageOptions: languageOptionsFor(corpus, mode === 'typed' ? { projectService: true, tsconfigRootDir: corpus.dir } : null),
        linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
        rules,
      },
    ],
    cache: false,
    errorOnUnmatchedPattern: false,
  });
  return eslint.lintFiles(corpus.patterns);
}

/** One edit per (file, rule, range, text): the message that offered it is kept per mode. */
function addEdit(edits, file, mode, message, kind, name, fix) {
  const key = `${file}\0${message.ruleId}\0${kind}\0${fix.range[0]}:${fix.range[1]}\0${fix.text}`;
  let edit = edits.get(key);
  if (!edit) {
    edit = { file, ruleId: message.ruleId, kind, name, fix, messages: new Map() };
    edits.set(key, edit);
  }
  edit.messages.set(mode, message);
}

function languageOptionsFor(corpus, parserOptions) {
  if (!corpus.typed) return { sourceType: corpus.sourceType, ecmaVersion: 'latest' };
  return { parser: tsParser, ...(parserOptions ? { parserOptions } : {}) };
}

function emptyCounts() {
  return { messages: { typed: 0, untyped: 0 }, fixes: 0, suggestions: 0, parseFailures: 0, typeErrors: 0, stillReported: 0 };
}

function addCounts(into, from) {
  into.messages.typed += from.messages.typed;
  into.messages.untyped += from.messages.untyped;
  for (const key of ['fixes', 'suggestions', 'parseFailures', 'typeErrors', 'stillReported']) into[key] += from[key];
}

// ------------------------------------------------------------------ b. the TypeScript check

/**
 * The corpus program from its tsconfig, checked once, and a `check(file,
 * text)` that answers which diagnostics an edit of one file adds.
 *
 * Incremental by TypeScript's builder (what `tsc --watch` runs): the
 * baseline builder knows each file's diagnostics and declaration signature;
 * a builder made from it for an edited program re-checks the edited file,
 * and the files that depend on it when its declaration signature changed;
 * every other file keeps its baseline diagnostics. The baseline builder is
 * made from a builder of an empty program, so that it computes real
 * declaration signatures (a builder without a previous state uses file
 * versions as signatures, and would call every edit a change of shape).
 */
function createTypeCheck(corpus) {
  const parsed = ts.getParsedCommandLineOfConfigFile(corpus.tsconfig, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(`${corpus.tsconfig}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    },
  });
  if (!parsed) throw new Error(`${corpus.tsconfig}: cannot read`);
  const compilerOptions = parsed.options;
  const rootNames = parsed.fileNames;
  const baseHost = ts.createCompilerHost(compilerOptions, true);
  const sourceFiles = new Map();

  /** The compiler host: baseline source files are parsed once and shared by every program; `override` is the edited file. */
  function hostFor(override) {
    return {
      ...baseHost,
      getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) {
        if (override && path.resolve(fileName) === override.file) {
          const sourceFile = ts.createSourceFile(fileName, override.text, languageVersionOrOptions, true);
          sourceFile.version = override.version;
          return sourceFile;
        }
        let sourceFile = sourceFiles.get(fileName);
        if (!sourceFile) {
          sourceFile = baseHost.getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
          if (sourceFile) sourceFile.version = 'base';
          sourceFiles.set(fileName, sourceFile);
        }
        return sourceFile;
      },
    };
  }

  const host = hostFor(null);
  const empty = ts.createProgram({ rootNames: [], options: compilerOptions, host });
  const emptyBuilder = ts.createSemanticDiagnosticsBuilderProgram(empty, host);
  const program = ts.createProgram({ rootNames, options: compilerOptions, host, oldProgram: empty });
  const builder = ts.createSemanticDiagnosticsBuilderProgram(program, host, emptyBuilder);
  const emitsDeclarations = Boolean(compilerOptions.declaration || compilerOptions.composite);

  const baseline = new Map();
  addAll(baseline, program.getSyntacticDiagnostics());
  addAll(baseline, builder.getSemanticDiagnostics());
  const baselineCount = [...baseline.values()].reduce((n, v) => n + v, 0);
  const declarationBaseline = new Map();

  return {
    rootCount: rootNames.length,
    baselineCount,
    check(file, text, version) {
      const editedHost = hostFor({ file: path.resolve(file), text, version });
      const edited = ts.createProgram({ rootNames, options: compilerOptions, host: editedHost, oldProgram: program });
      const editedBuilder = ts.createSemanticDiagnosticsBuilderProgram(edited, editedHost, builder);
      const sourceFile = edited.getSourceFile(file);
      if (!sourceFile) return { program: null, newDiagnostics: [] };
      const diagnostics = [...edited.getSyntacticDiagnostics(), ...editedBuilder.getSemanticDiagnostics()];
      const counts = new Map();
      addAll(counts, diagnostics);
      if (emitsDeclarations) {
        // Declaration diagnostics (tsc --noEmit reports them when the tsconfig emits declarations): the edited file's.
        let before = declarationBaseline.get(file);
        if (!before) {
          before = new Map();
          const original = program.getSourceFile(file);
          if (original) addAll(before, program.getDeclarationDiagnostics(original));
          declarationBaseline.set(file, before);
        }
        for (const [key, n] of before) counts.set(key, (counts.get(key) ?? 0) - n);
        addAll(counts, edited.getDeclarationDiagnostics(sourceFile));
        diagnostics.push(...edited.getDeclarationDiagnostics(sourceFile));
      }
      const fresh = new Set();
      for (const [key, n] of counts) if (n > (baseline.get(key) ?? 0)) fresh.add(key);
      const newDiagnostics = [];
      for (const d of diagnostics) {
        const key = keyOf(d);
        if (!fresh.has(key)) continue;
        fresh.delete(key);
        newDiagnostics.push({ code: d.code, where: whereOf(d), message: ts.flattenDiagnosticMessageText(d.messageText, ' ') });
      }
      return { program: edited, newDiagnostics };
    },
  };

  function addAll(map, diagnostics) {
    for (const d of diagnostics) {
      const key = keyOf(d);
      map.set(key, (map.get(key) ?? 0) + 1);
    }
  }
  function keyOf(d) {
    return `${d.file ? path.relative(corpus.dir, d.file.fileName) : '(global)'}:${d.code}:${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  }
  function whereOf(d) {
    if (!d.file || d.start === undefined) return '(global)';
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${path.relative(corpus.dir, d.file.fileName)}:${line + 1}:${character + 1}`;
  }
}

// ------------------------------------------------------------------ output helpers

/** The lines the edit touches, before (-) and after (+). */
function diff(text, fix) {
  const [start, end] = fix.range;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  const before = text.slice(lineStart, lineEnd);
  const after = text.slice(lineStart, start) + fix.text + text.slice(end, lineEnd);
  const cap = (lines) => (lines.length > 12 ? [...lines.slice(0, 12), `... (${lines.length - 12} more lines)`] : lines);
  return [...cap(before.split('\n')).map((l) => `- ${l}`), ...cap(after.split('\n')).map((l) => `+ ${l}`)].join('\n');
}

function printTable(header, rows, prefix = '') {
  const widths = header.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => prefix + cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function rel(corpus, file) {
  return path.relative(corpus.dir, file);
}

function qualified(rule) {
  return rule.includes('/') ? rule : `${namespace}/${rule}`;
}



function parseArgs(argv) {
  const out = { corpus: null, rule: null, limit: null, modes: ['typed', 'untyped'], verbose: false, plugin: path.join(root, 'dist/index.js') };
  for (const { arg, next } of eachArg(argv)) {
    if (arg === '--corpus') out.corpus = next().replace(/\/$/, '');
    else if (arg === '--rule') out.rule = next();
    else if (arg === '--limit') out.limit = Number.parseInt(next(), 10);
    else if (arg === '--mode') {
      const mode = next();
      if (!['typed', 'untyped', 'both'].includes(mode)) throw new Error('--mode is typed, untyped or both');
      out.modes = mode === 'both' ? ['typed', 'untyped'] : [mode];
    }
    else if (arg === '--verbose') out.verbose = true;
    else if (arg === '--plugin') out.plugin = path.resolve(next());
    else throw new Error(`unknown argument ${arg}`);
  }
  if (out.limit !== null && !(out.limit > 0)) throw new Error('--limit must be a positive integer');
  return out;
}
