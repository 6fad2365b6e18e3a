/**
 * `async-pitfalls [paths...]`: lint with the plugin's own configs, no
 * eslint.config.js of the user's needed (the ESLint Node API with
 * `overrideConfigFile: true`). Each file a tsconfig.json covers is linted with
 * type information (`recommended-type-checked`), the others on syntax alone
 * (`recommended`). Exit codes follow ESLint's: 0 clean, 1 findings, 2 usage
 * error or crash.
 *
 * `run` does the work and returns the exit code; bin/async-pitfalls.js calls it.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter, type Rule } from 'eslint';
import type TypeScript from 'typescript';
import plugin from '../index.js';
import { HELP, parseCliArgs, UsageError, type CliOptions, type ConfigName } from './args.js';
import { DEFAULT_IGNORES, LINTABLE_GLOBS, listFiles, MissingPathError } from './files.js';
import { createProgress, type Progress, type ProgressStream } from './progress.js';
import { formatSummary } from './summary.js';
import { BrokenTsconfigError, TsconfigCoverage } from './tsconfig-coverage.js';

export interface CliStream extends ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

export interface CliIo {
  cwd: string;
  stdout: CliStream;
  stderr: CliStream;
  env: Record<string, string | undefined>;
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

const namespace = plugin.meta.namespace;
const PROGRESS_PLUGIN = 'async-pitfalls-cli';

type RuleEntries = Partial<Record<string, Linter.RuleEntry>>;

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await lint(parseCliArgs(argv), io);
  } catch (error) {
    io.stderr.write(`async-pitfalls: ${describeFailure(error)}\n`);
    if (error instanceof UsageError) io.stderr.write('Run `async-pitfalls --help` for the options.\n');
    else if (io.env.ASYNC_PITFALLS_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_TROUBLE;
  }
}

async function lint(options: CliOptions, io: CliIo): Promise<number> {
  if (options.help) {
    io.stdout.write(HELP);
    return EXIT_CLEAN;
  }
  if (options.version) {
    io.stdout.write(`${plugin.meta.name} ${plugin.meta.version} (ESLint ${ESLint.version})\n`);
    return EXIT_CLEAN;
  }

  const startedAt = performance.now();
  const { cwd } = io;
  const listing = await listFiles(cwd, options.paths);
  const ignores = [...DEFAULT_IGNORES, ...listing.extraIgnores];
  const notes: string[] = [];
  if (listing.gitignore !== 'git') notes.push('Not a git work tree: only the .gitignore files of the named folders and the folders above them apply.');
  const base = listing.base;

  const rules = pluginRuleEntries(options.config);
  const progress = createProgress({
    stream: io.stderr,
    enabled: options.progress ?? (io.stderr.isTTY === true && !io.env.CI),
  });

  const plain = newESLint(base, { rules, ignores, typed: false, progress, cwd });
  const files: string[] = [];
  for (const file of listing.files) if (!(await plain.isPathIgnored(file))) files.push(file);

  const { typedFiles, plainFiles } = await splitByTypeInformation(files, options, notes);
  progress.setTotal(files.length);

  const results: ESLint.LintResult[] = [];
  if (plainFiles.length > 0) results.push(...(await plain.lintFiles(plainFiles)));
  if (typedFiles.length > 0) {
    const typed = newESLint(base, { rules, ignores, typed: true, progress, cwd });
    results.push(...(await typed.lintFiles(typedFiles)));
  }
  progress.finish();

  const ours = results.map(keepOwnFindings).sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  const report = await format(options, plain, ours, cwd);
  const summary = formatSummary({
    results: ours,
    enabledRules: Object.keys(rules),
    docsUrl,
    version: plugin.meta.version,
    configName: options.config,
    typedFiles: typedFiles.length,
    elapsedMs: performance.now() - startedAt,
    notes,
  });

  if (options.outputFile !== undefined) {
    const target = path.resolve(cwd, options.outputFile);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, report);
    io.stdout.write(summary);
  } else if (options.format === 'stylish') {
    io.stdout.write(report === '' ? summary : `${report}\n${summary}`);
  } else {
    // A machine format owns standard output; the summary goes to the terminal beside it.
    io.stdout.write(report);
    io.stderr.write(summary);
  }

  const errors = ours.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = ours.reduce((sum, result) => sum + result.warningCount, 0);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) io.stderr.write(`async-pitfalls: too many warnings (${String(warnings)}); at most ${String(options.maxWarnings)} allowed.\n`);
  if (options.exitZero) return EXIT_CLEAN;
  return errors > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** The rules of our config of that name (`recommended`, `strict`, `all`). */
function pluginRuleEntries(config: ConfigName): RuleEntries {
  return { ...(plugin.configs[config].rules as RuleEntries | undefined) };
}

interface InstanceOptions {
  rules: RuleEntries;
  ignores: string[];
  typed: boolean;
  progress: Progress;
  /** The user's working directory: the progress line shows paths relative to it. */
  cwd: string;
}

function newESLint(base: string, { rules, ignores, typed, progress, cwd }: InstanceOptions): ESLint {
  const parserOptions: Linter.ParserOptions = typed ? { projectService: true, tsconfigRootDir: base } : {};
  const config: Linter.Config[] = [
    { name: 'async-pitfalls-cli/ignores', ignores },
    {
      name: `async-pitfalls-cli/${typed ? 'typed' : 'syntax-only'}`,
      files: LINTABLE_GLOBS,
      plugins: {
        [namespace]: plugin as unknown as ESLint.Plugin,
        [PROGRESS_PLUGIN]: progressPlugin(cwd, progress),
      },
      languageOptions: { parser: tsParser, parserOptions },
      // The user's code carries directives for rules this run does not load
      // (`eslint-disable-next-line @typescript-eslint/...`): not ours to judge.
      linterOptions: unusedDirectivesOff(),
      rules: { ...rules, [`${PROGRESS_PLUGIN}/progress`]: 'error' },
    },
  ];
  return new ESLint({ cwd: base, overrideConfigFile: true, overrideConfig: config, errorOnUnmatchedPattern: false, warnIgnored: false });
}

/** A rule that reports nothing and tells the progress line which file ESLint has started. */
function progressPlugin(cwd: string, progress: Progress): ESLint.Plugin {
  const rule: Rule.RuleModule = {
    meta: { type: 'suggestion', schema: [], docs: { description: 'Tracks which file is being linted' } },
    create(context) {
      progress.fileStarted(path.relative(cwd, context.filename));
      return {};
    },
  };
  return { meta: { name: PROGRESS_PLUGIN }, rules: { progress: rule } };
}

function unusedDirectivesOff(): Linter.LinterOptions {
  const [major = 0, minor = 0] = ESLint.version.split('.').map(Number);
  const options: Linter.LinterOptions = { reportUnusedDisableDirectives: 'off' };
  // `reportUnusedInlineConfigs` exists from ESLint 9.19; older versions reject the key.
  if (major > 9 || (major === 9 && minor >= 19)) options.reportUnusedInlineConfigs = 'off';
  return options;
}

/**
 * Files a tsconfig.json covers get type information unless --no-types; with
 * --types at least one file must be covered.
 */
async function splitByTypeInformation(files: string[], options: CliOptions, notes: string[]): Promise<{ typedFiles: string[]; plainFiles: string[] }> {
  if (options.types === 'off' || files.length === 0) return { typedFiles: [], plainFiles: files };
  let ts: typeof TypeScript;
  try {
    ts = (await import('typescript')).default;
  } catch {
    if (options.types === 'on') throw new UsageError('--types needs the `typescript` package; install it beside eslint-plugin-async-pitfalls.');
    notes.push('No type information: the `typescript` package is not installed.');
    return { typedFiles: [], plainFiles: files };
  }
  const coverage = new TsconfigCoverage(ts);
  const typedFiles: string[] = [];
  const plainFiles: string[] = [];
  for (const file of files) ((await coverage.tsconfigFor(file)) === undefined ? plainFiles : typedFiles).push(file);
  if (options.types === 'on' && typedFiles.length === 0) {
    throw new UsageError(`--types: no tsconfig.json covers any of the ${String(files.length)} files to lint.`);
  }
  return { typedFiles, plainFiles };
}

/** Only our findings and parse errors: directives naming rules of other plugins are not findings. */
function keepOwnFindings(result: ESLint.LintResult): ESLint.LintResult {
  const messages = result.messages.filter((message) => message.fatal === true || message.ruleId?.startsWith(`${namespace}/`) === true);
  const count = (predicate: (message: Linter.LintMessage) => boolean): number => messages.filter(predicate).length;
  return {
    ...result,
    messages,
    errorCount: count((message) => message.severity === 2),
    fatalErrorCount: count((message) => message.fatal === true),
    warningCount: count((message) => message.severity === 1),
    fixableErrorCount: count((message) => message.severity === 2 && message.fix !== undefined),
    fixableWarningCount: count((message) => message.severity === 1 && message.fix !== undefined),
  };
}

async function format(options: CliOptions, eslint: ESLint, results: ESLint.LintResult[], cwd: string): Promise<string> {
  if (options.format === 'sarif') {
    const sarif = createRequire(import.meta.url)('@microsoft/eslint-formatter-sarif') as (results: ESLint.LintResult[], data: { cwd: string; rulesMeta: Record<string, Rule.RuleMetaData> }) => string;
    return `${sarif(results, { cwd, rulesMeta: rulesMetaFor(results) })}\n`;
  }
  if (options.format === 'gitlab') return `${JSON.stringify(codeQuality(results, cwd), null, 2)}\n`;
  // Neither formatter reads `rulesMeta`, which ESLint would compute only for its own results.
  const formatter = await eslint.loadFormatter(options.format);
  const text = await formatter.format(results);
  return options.format === 'json' ? `${text}\n` : text;
}

/** GitLab code quality: the Code Climate issue format GitLab reads from a `codequality` report. */
interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'minor' | 'major' | 'critical';
  location: { path: string; lines: { begin: number; end: number } };
}

function codeQuality(results: readonly ESLint.LintResult[], cwd: string): CodeQualityIssue[] {
  const issues: CodeQualityIssue[] = [];
  const seen = new Map<string, number>();
  for (const result of results) {
    const file = path.relative(cwd, result.filePath).split(path.sep).join('/');
    const lines = result.source?.split('\n');
    for (const message of result.messages) {
      const checkName = message.ruleId ?? 'parse-error';
      // The fingerprint follows the finding when lines above it move: file, rule, message and the line's text.
      const key = [file, checkName, message.message, lines?.[message.line - 1]?.trim() ?? String(message.line)].join('\0');
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      issues.push({
        description: message.message,
        check_name: checkName,
        fingerprint: createHash('sha256').update(`${key}\0${String(occurrence)}`).digest('hex').slice(0, 32),
        severity: message.fatal === true ? 'critical' : message.severity === 2 ? 'major' : 'minor',
        location: { path: file, lines: { begin: message.line, end: message.endLine ?? message.line } },
      });
    }
  }
  return issues;
}

function rulesMetaFor(results: readonly ESLint.LintResult[]): Record<string, Rule.RuleMetaData> {
  const meta: Record<string, Rule.RuleMetaData> = {};
  for (const result of results) {
    for (const { ruleId } of result.messages) {
      const rule = ruleId === null ? undefined : ruleOf(ruleId);
      if (ruleId !== null && rule) meta[ruleId] = rule.meta as Rule.RuleMetaData;
    }
  }
  return meta;
}

function ruleOf(ruleId: string): { meta: unknown } | undefined {
  if (!ruleId.startsWith(`${namespace}/`)) return undefined;
  return (plugin.rules as Record<string, { meta: unknown } | undefined>)[ruleId.slice(namespace.length + 1)];
}

function docsUrl(ruleId: string): string | undefined {
  const meta = ruleOf(ruleId)?.meta as { docs?: { url?: string } } | undefined;
  return meta?.docs?.url;
}

function describeFailure(error: unknown): string {
  if (error instanceof UsageError || error instanceof MissingPathError || error instanceof BrokenTsconfigError) return error.message;
  const broken = findCause(error, BrokenTsconfigError);
  if (broken) return broken.message;
  if (error instanceof Error) {
    const [first = error.name] = error.message.split('\n');
    return `${first} (an internal error: please report it, with ASYNC_PITFALLS_DEBUG=1 for the stack)`;
  }
  return String(error);
}

function findCause<T extends Error>(error: unknown, type: new (...args: never[]) => T): T | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if (current instanceof type) return current;
  }
  return undefined;
}
