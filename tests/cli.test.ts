/**
 * The `async-pitfalls` command: its parts (arguments, summary, progress line,
 * file listing, tsconfig coverage) one by one, then whole runs on copies of
 * tests/fixtures/cli/ made in a temporary folder (where the tests add
 * .gitignore files, node_modules/, build output and, for the git cases, a
 * repository). Most runs call `run` in this process; a few start the real
 * command (bin/async-pitfalls.js on the built dist/, and `npx async-pitfalls`).
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { parseCliArgs, UsageError } from '../cli/args.js';
import { run, type CliIo } from '../cli/async-pitfalls.js';
import { commonFolder, DEFAULT_IGNORES, gitignorePatterns, listFiles, MissingPathError } from '../cli/files.js';
import { createProgress } from '../cli/progress.js';
import { formatSummary } from '../cli/summary.js';
import { BrokenTsconfigError, TsconfigCoverage } from '../cli/tsconfig-coverage.js';
import { BUILD_TIMEOUT, binPath, ensureBuilt, root } from './hosts/built.js';

const fixtures = path.join(root, 'tests', 'fixtures', 'cli');
const scratch = mkdtempSync(path.join(tmpdir(), 'async-pitfalls-cli-'));
const FLOATING = 'async-pitfalls/no-floating-promise';
const docsUrl = (rule: string): string => `https://github.com/async-pitfalls/eslint-plugin-async-pitfalls/blob/main/docs/rules/${rule}.md`;

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A copy of tests/fixtures/cli/<name> (or an empty folder) plus `extra` files, in its own temporary folder. */
function project(name: string | undefined, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(scratch, `${name ?? 'empty'}-`));
  if (name !== undefined) cpSync(path.join(fixtures, name), dir, { recursive: true });
  for (const [file, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(cwd: string, ...argv: string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    cwd,
    stdout: { write: (text: string) => out.push(text), isTTY: false },
    stderr: { write: (text: string) => err.push(text), isTTY: false },
    env: {},
  };
  const code = await run(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** `file:line ruleId` of every message in a JSON report, paths relative to `dir`. */
function findingsIn(json: string, dir: string): string[] {
  const results = JSON.parse(json) as { filePath: string; messages: { line: number; ruleId: string | null }[] }[];
  return results.flatMap((result) => result.messages.map((message) => `${path.relative(dir, result.filePath)}:${String(message.line)} ${String(message.ruleId)}`));
}

function filesIn(json: string, dir: string): string[] {
  return (JSON.parse(json) as { filePath: string }[]).map((result) => path.relative(dir, result.filePath)).sort();
}

const BAD_CODE = 'async function later(): Promise<void> {}\nlater();\n';

describe('parseCliArgs', () => {
  it('defaults to the current folder, `recommended`, types where a tsconfig.json covers a file, stylish', () => {
    expect(parseCliArgs([])).toEqual({
      paths: ['.'],
      config: 'recommended',
      types: 'auto',
      format: 'stylish',
      outputFile: undefined,
      maxWarnings: undefined,
      exitZero: false,
      progress: undefined,
      help: false,
      version: false,
    });
  });

  it('reads every option', () => {
    expect(parseCliArgs(['src', 'lib', '--config', 'strict', '--types', '--format', 'sarif', '-o', 'out.sarif', '--max-warnings', '3', '--exit-zero', '--no-progress'])).toMatchObject({
      paths: ['src', 'lib'],
      config: 'strict',
      types: 'on',
      format: 'sarif',
      outputFile: 'out.sarif',
      maxWarnings: 3,
      exitZero: true,
      progress: false,
    });
    expect(parseCliArgs(['--no-types', '--config=all', '-f', 'json', '--progress'])).toMatchObject({ types: 'off', config: 'all', format: 'json', progress: true });
    expect(parseCliArgs(['-h']).help).toBe(true);
    expect(parseCliArgs(['-v']).version).toBe(true);
  });

  it.each([
    [['--format', 'xml'], '--format must be one of stylish, json, sarif, gitlab; got "xml".'],
    [['--config', 'loose'], '--config must be one of recommended, strict, all; got "loose".'],
    [['--types', '--no-types'], '--types and --no-types contradict each other; give one.'],
    [['--progress', '--no-progress'], '--progress and --no-progress contradict each other; give one.'],
    [['--max-warnings', 'many'], '--max-warnings takes a whole number of 0 or more; got "many".'],
  ])('rejects %j with a usage error', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(new UsageError(message));
  });

  it.each([
    // Node's own parser words these; the first line of its message is kept.
    [['--max-warnings', '-1'], /^Option '--max-warnings[^\n]*' argument is ambiguous\.$/u],
    [['--fix'], /^Unknown option '--fix'\./u],
  ])('rejects %j with a one-line usage error', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe('formatSummary', () => {
  const rules = ['async-pitfalls/no-floating-promise', 'async-pitfalls/no-unawaited-value'];
  const result = (file: string, messages: { ruleId: string | null; severity: 1 | 2; fatal?: true }[]) => ({
    filePath: file,
    messages: messages.map((message) => ({ ...message, message: 'm', line: 1, column: 1 })),
    suppressedMessages: [],
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  });

  it('counts findings per rule with the page of each rule that has some, then files and time', () => {
    const text = formatSummary({
      results: [
        result('/p/a.ts', [
          { ruleId: FLOATING, severity: 2 },
          { ruleId: FLOATING, severity: 2 },
        ]),
        result('/p/b.ts', [{ ruleId: null, severity: 2, fatal: true }]),
        result('/p/c.ts', []),
      ],
      enabledRules: rules,
      docsUrl: (rule) => docsUrl(rule.slice('async-pitfalls/'.length)),
      version: '1.2.3',
      configName: 'recommended',
      typedFiles: 2,
      elapsedMs: 2345,
      notes: ['A note.'],
    });
    expect(text).toBe(
      [
        'async-pitfalls 1.2.3: 3 files linted in 2.3 s, config `recommended-type-checked`, type information for 2 of 3 files (tsconfig.json)',
        '',
        '  findings  rule                                docs',
        `         2  async-pitfalls/no-floating-promise  ${docsUrl('no-floating-promise')}`,
        '         1  (files that did not parse)',
        '         0  async-pitfalls/no-unawaited-value',
        '',
        '  3 findings (3 errors, 0 warnings) in 2 of 3 files.',
        `  Each rule's page says what goes wrong at run time and how to fix it: ${docsUrl('<rule>')}`,
        '  A note.',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing was found, and names the config as given without type information', () => {
    const text = formatSummary({ results: [result('/p/a.ts', [])], enabledRules: rules, docsUrl: () => undefined, version: '1.0.0', configName: 'all', typedFiles: 0, elapsedMs: 40, notes: [] });
    expect(text.split('\n')[0]).toBe('async-pitfalls 1.0.0: 1 file linted in 0.0 s, config `all`, no type information');
    expect(text).toContain('  No findings in 1 file.\n');
    expect(text).not.toContain("Each rule's page");
  });

  it('says "type information from tsconfig.json" when every file had it', () => {
    const text = formatSummary({ results: [result('/p/a.ts', [{ ruleId: FLOATING, severity: 1 }])], enabledRules: rules, docsUrl: () => undefined, version: '1.0.0', configName: 'strict', typedFiles: 1, elapsedMs: 0, notes: [] });
    expect(text.split('\n')[0]).toContain('config `strict-type-checked`, type information from tsconfig.json');
    expect(text).toContain('  1 finding (0 errors, 1 warning) in 1 of 1 file.');
  });
});

describe('createProgress', () => {
  function fake(enabled: boolean, columns = 60) {
    const written: string[] = [];
    let now = 0;
    const progress = createProgress({ stream: { write: (text: string) => written.push(text), columns }, enabled, now: () => now });
    return { progress, written, at: (ms: number) => (now = ms) };
  }

  it('stays quiet for the first two seconds, then draws files done / total and the current file', () => {
    const { progress, written, at } = fake(true);
    progress.setTotal(3);
    at(1000);
    progress.fileStarted('src/a.ts');
    expect(written).toEqual([]);
    at(2100);
    progress.fileStarted('src/b.ts');
    expect(written).toEqual(['\r\u001B[2Kasync-pitfalls: 2/3 files  src/b.ts']);
  });

  it('redraws at most every 100 ms and erases its line at the end', () => {
    const { progress, written, at } = fake(true);
    progress.setTotal(3);
    at(2000);
    progress.fileStarted('a.ts');
    at(2050);
    progress.fileStarted('b.ts');
    at(2200);
    progress.fileStarted('c.ts');
    progress.finish();
    expect(written).toEqual(['\r\u001B[2Kasync-pitfalls: 1/3 files  a.ts', '\r\u001B[2Kasync-pitfalls: 3/3 files  c.ts', '\r\u001B[2K']);
  });

  it('keeps the count and the end of a long path within the terminal width', () => {
    const { progress, written, at } = fake(true, 40);
    progress.setTotal(120);
    at(5000);
    progress.fileStarted('packages/payments/src/providers/stripe/webhooks.ts');
    expect(written[0]).toBe('\r\u001B[2Kasync-pitfalls: 1/120 files  …bhooks.ts');
    expect((written[0] ?? '').length - '\r\u001B[2K'.length).toBe(39);
  });

  it('writes nothing when off (no terminal, CI, --no-progress), not even the erase', () => {
    const { progress, written, at } = fake(false);
    progress.setTotal(1);
    at(9000);
    progress.fileStarted('a.ts');
    progress.finish();
    expect(written).toEqual([]);
  });
});

describe('file listing', () => {
  it('turns .gitignore lines into ESLint patterns', () => {
    expect(gitignorePatterns('# build\n/dist\ncoverage/\n*.log\n!keep.log\n\nsrc/gen/*.ts\r\n')).toEqual(['dist', '**/coverage/', '**/*.log', '!**/keep.log', 'src/gen/*.ts']);
  });

  it('finds the folder that holds the working directory and every target', () => {
    expect(commonFolder(['/a/b/c', '/a/b/d/e', '/a/b'])).toBe('/a/b');
    expect(commonFolder(['/a/bc', '/a/b'])).toBe('/a');
    expect(commonFolder(['/a/b'])).toBe('/a/b');
  });

  it('names a path that does not exist', async () => {
    const dir = project(undefined, { 'src/a.ts': 'export {};\n' });
    await expect(listFiles(dir, ['src', 'missing', 'gone'])).rejects.toThrow(new MissingPathError('missing'));
  });

  it('ignores build output and dependencies by default', () => {
    expect(DEFAULT_IGNORES).toEqual(expect.arrayContaining(['**/node_modules/', '**/dist/', '**/build/', '**/coverage/', '**/*.min.js', '**/*.d.ts']));
  });
});

describe('TsconfigCoverage', () => {
  const compilerOptions = { strict: true, noEmit: true };

  it('answers with the nearest tsconfig.json that includes the file, then the next one up', async () => {
    const dir = project(undefined, {
      'tsconfig.json': JSON.stringify({ compilerOptions, include: ['tools/**/*.ts'] }),
      'tools/build.ts': 'export {};\n',
      'app/tsconfig.json': JSON.stringify({ compilerOptions, include: ['src'] }),
      'app/src/main.ts': 'export {};\n',
      'app/tests/main.test.ts': 'export {};\n',
      'loose.ts': 'export {};\n',
    });
    const coverage = new TsconfigCoverage(ts);
    expect(await coverage.tsconfigFor(path.join(dir, 'app/src/main.ts'))).toBe(path.join(dir, 'app/tsconfig.json'));
    expect(await coverage.tsconfigFor(path.join(dir, 'tools/build.ts'))).toBe(path.join(dir, 'tsconfig.json'));
    // In no include: linted without type information.
    expect(await coverage.tsconfigFor(path.join(dir, 'app/tests/main.test.ts'))).toBeUndefined();
    expect(await coverage.tsconfigFor(path.join(dir, 'loose.ts'))).toBeUndefined();
  });

  it('follows project references of a solution-style tsconfig.json', async () => {
    const dir = project(undefined, {
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './packages/api' }] }),
      'packages/api/tsconfig.json': JSON.stringify({ compilerOptions: { ...compilerOptions, composite: true }, include: ['src'] }),
      'packages/api/src/server.ts': 'export {};\n',
      'packages/api/scratch.ts': 'export {};\n',
    });
    const coverage = new TsconfigCoverage(ts);
    // packages/api/src has no tsconfig.json of its own: the nearest is packages/api's.
    expect(await coverage.tsconfigFor(path.join(dir, 'packages/api/src/server.ts'))).toBe(path.join(dir, 'packages/api/tsconfig.json'));
    // From the root, through the reference: a file above packages/api would find it this way.
    const rootOnly = new TsconfigCoverage(ts);
    expect(await rootOnly.tsconfigFor(path.join(dir, 'packages/api/scratch.ts'))).toBeUndefined();
  });

  it('rejects a tsconfig.json that is not JSON, with the place of the error', async () => {
    const dir = project('broken-tsconfig');
    await expect(new TsconfigCoverage(ts).tsconfigFor(path.join(dir, 'src/index.ts'))).rejects.toThrow(
      new BrokenTsconfigError(path.join(dir, 'tsconfig.json'), "line 5, column 1: '}' expected."),
    );
  });

  it('rejects a tsconfig.json whose `extends` is missing', async () => {
    const dir = project(undefined, { 'tsconfig.json': JSON.stringify({ extends: './base.json', include: ['*.ts'] }), 'a.ts': 'export {};\n' });
    await expect(new TsconfigCoverage(ts).tsconfigFor(path.join(dir, 'a.ts'))).rejects.toThrow(BrokenTsconfigError);
  });

  it('accepts a tsconfig.json that matches no file', async () => {
    const dir = project(undefined, { 'tsconfig.json': JSON.stringify({ include: ['src'] }), 'a.ts': 'export {};\n' });
    expect(await new TsconfigCoverage(ts).tsconfigFor(path.join(dir, 'a.ts'))).toBeUndefined();
  });
});

describe('async-pitfalls on a project', () => {
  let dir: string;
  let typed: Captured;

  beforeAll(async () => {
    dir = project('project');
    typed = await cli(dir, '--format', 'json');
  }, 120_000);

  it('uses type information where tsconfig.json covers a file and syntax elsewhere, and exits 1', () => {
    expect(typed.code).toBe(1);
    expect(findingsIn(typed.stdout, dir)).toEqual([
      `scripts/seed.ts:6 ${FLOATING}`, // not in tsconfig.json: syntax alone finds it
      `src/legacy.js:3 ${FLOATING}`, // plain JavaScript
      `src/orders.ts:10 ${FLOATING}`,
      `src/orders.ts:12 ${FLOATING}`, // defer(order.id): only the checker knows `Deferred<string>` is a promise
      // orders.ts:15, the `eslint-disable` of a rule this run does not load, is no finding
    ]);
    // A machine format owns standard output: the summary goes to standard error.
    expect(typed.stderr).toMatch(/^async-pitfalls \S+: 4 files linted in \d+\.\d s, config `recommended-type-checked`, type information for 2 of 4 files \(tsconfig\.json\)\n/u);
    expect(typed.stderr).toContain(`         4  ${FLOATING}`);
    expect(typed.stderr).toContain(docsUrl('no-floating-promise'));
    expect(typed.stderr).toContain('  4 findings (4 errors, 0 warnings) in 3 of 4 files.');
  });

  it('prints findings and then the summary on a terminal-style (stylish) run', async () => {
    const { code, stdout, stderr } = await cli(dir, '--no-types');
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain(`${path.join(dir, 'src', 'orders.ts')}\n  10:3  error`);
    const summaryAt = stdout.indexOf('async-pitfalls ');
    expect(summaryAt).toBeGreaterThan(stdout.indexOf('✖ 3 problems'));
    const summary = stdout.slice(summaryAt);
    expect(summary).toContain('config `recommended`, no type information');
    for (const rule of Object.keys(plugin.configs.recommended.rules ?? {})) expect(summary).toContain(rule);
  });

  it('finds nothing the checker alone can tell with --no-types', async () => {
    const { code, stdout } = await cli(dir, '--no-types', '--format', 'json');
    expect(code).toBe(1);
    expect(findingsIn(stdout, dir)).toEqual([`scripts/seed.ts:6 ${FLOATING}`, `src/legacy.js:3 ${FLOATING}`, `src/orders.ts:10 ${FLOATING}`]);
  });

  it('lints only the paths it is given, files or folders', async () => {
    const { stdout } = await cli(dir, '--no-types', '--format', 'json', 'scripts', 'src/legacy.js');
    expect(filesIn(stdout, dir)).toEqual(['scripts/seed.ts', 'src/legacy.js']);
  });

  it('writes SARIF for code scanning, with our rules and their pages', async () => {
    const { code, stdout } = await cli(dir, '--no-types', '--format', 'sarif');
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const [runEntry] = sarif.runs;
    expect(runEntry?.tool.driver.rules).toEqual([expect.objectContaining({ id: FLOATING, helpUri: docsUrl('no-floating-promise') })]);
    expect(runEntry?.results.map((result) => `${result.locations[0]?.physicalLocation.artifactLocation.uri ?? ''}:${String(result.locations[0]?.physicalLocation.region.startLine)} ${result.level}`)).toEqual([
      expect.stringMatching(/scripts\/seed\.ts:6 error$/u),
      expect.stringMatching(/src\/legacy\.js:3 error$/u),
      expect.stringMatching(/src\/orders\.ts:10 error$/u),
    ]);
  });

  it('writes GitLab code quality (Code Climate JSON) with paths from the working directory and stable fingerprints', async () => {
    const { code, stdout } = await cli(dir, '--no-types', '--format', 'gitlab');
    expect(code).toBe(1);
    const issues = JSON.parse(stdout) as { check_name: string; severity: string; fingerprint: string; description: string; location: { path: string; lines: { begin: number } } }[];
    expect(issues.map((issue) => `${issue.location.path}:${String(issue.location.lines.begin)} ${issue.check_name} ${issue.severity}`)).toEqual([
      `scripts/seed.ts:6 ${FLOATING} major`,
      `src/legacy.js:3 ${FLOATING} major`,
      `src/orders.ts:10 ${FLOATING} major`,
    ]);
    expect(issues[0]?.description).toMatch(/^This promise is dropped at the top level/u);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(3);
    // Lines added above a finding do not change its fingerprint.
    const seed = path.join(dir, 'scripts', 'seed.ts');
    const before = readFileSync(seed, 'utf8');
    writeFileSync(seed, `// one more line\n${before}`);
    const moved = JSON.parse((await cli(dir, '--no-types', '--format', 'gitlab', 'scripts')).stdout) as typeof issues;
    writeFileSync(seed, before);
    expect(moved[0]?.location.lines.begin).toBe(7);
    expect(moved[0]?.fingerprint).toBe(issues[0]?.fingerprint);
  });

  it('writes the report to --output-file and only the summary to the terminal', async () => {
    const { code, stdout } = await cli(dir, '--no-types', '--format', 'json', '--output-file', 'reports/lint.json');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^async-pitfalls /u);
    expect(findingsIn(readFileSync(path.join(dir, 'reports', 'lint.json'), 'utf8'), dir)).toHaveLength(3);
  });

  it('exits 0 with findings under --exit-zero, as the demo runs it', async () => {
    const { code, stdout } = await cli(dir, '--no-types', '--exit-zero');
    expect(code).toBe(0);
    expect(stdout).toContain('3 findings');
  });

  it('runs the rules of --config all', async () => {
    const { stdout } = await cli(dir, '--no-types', '--config', 'all');
    for (const rule of Object.keys(plugin.rules)) expect(stdout).toContain(`async-pitfalls/${rule}`);
  });
});

describe('async-pitfalls exit codes', () => {
  it('exits 0 on a clean project, within --max-warnings 0', async () => {
    const dir = project('clean');
    const { code, stdout } = await cli(dir, '--max-warnings', '0');
    expect(code).toBe(0);
    expect(stdout).toContain('config `recommended-type-checked`, type information from tsconfig.json');
    expect(stdout).toContain('  No findings in 1 file.');
  }, 60_000);

  it('exits 0 on a folder with nothing to lint', async () => {
    const { code, stdout } = await cli(project(undefined, { 'README.md': '# nothing\n' }));
    expect(code).toBe(0);
    expect(stdout).toContain('0 files linted');
  });

  it('exits 2 with one line for a path that does not exist', async () => {
    const { code, stdout, stderr } = await cli(project('clean'), 'src', 'scr');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('async-pitfalls: No such file or directory: scr\n');
  });

  it('exits 2 naming a broken tsconfig.json, and lints without it under --no-types', async () => {
    const dir = project('broken-tsconfig');
    const broken = await cli(dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe(`async-pitfalls: ${path.join(dir, 'tsconfig.json')} is broken: line 5, column 1: '}' expected. Fix it, or lint without type information (--no-types).\n`);
    const untyped = await cli(dir, '--no-types');
    expect(untyped.code).toBe(0);
  });

  it('exits 2 under --types when no tsconfig.json covers the files', async () => {
    const { code, stderr } = await cli(project(undefined, { 'a.ts': BAD_CODE }), '--types');
    expect(code).toBe(2);
    expect(stderr).toBe('async-pitfalls: --types: no tsconfig.json covers any of the 1 files to lint.\nRun `async-pitfalls --help` for the options.\n');
  });

  it('exits 2 on a usage error, with a pointer to --help', async () => {
    const { code, stderr } = await cli(scratch, '--format', 'xml');
    expect(code).toBe(2);
    expect(stderr).toBe('async-pitfalls: --format must be one of stylish, json, sarif, gitlab; got "xml".\nRun `async-pitfalls --help` for the options.\n');
  });

  it('prints its help and its version', async () => {
    const help = await cli(scratch, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: async-pitfalls \[options\] \[paths\.\.\.\]/u);
    const version = await cli(scratch, '--version');
    expect(version.stdout).toMatch(new RegExp(`^eslint-plugin-async-pitfalls ${plugin.meta.version.replaceAll('.', '\\.')} \\(ESLint 10\\.`, 'u'));
  });
});

describe('what async-pitfalls skips', () => {
  const skipped = {
    'generated/client.ts': BAD_CODE,
    'src/orders.local.ts': BAD_CODE,
    'node_modules/dep/index.js': 'async function later() {}\nlater();\n',
    'dist/index.js': 'async function later() {}\nlater();\n',
    'build/app.js': 'async function later() {}\nlater();\n',
    'coverage/lcov-report/sorter.js': 'async function later() {}\nlater();\n',
    'public/vendor.min.js': 'async function later() {}\nlater();\n',
    'types/api.d.ts': 'export declare function later(): Promise<void>;\n',
  };

  it('outside a git work tree: the .gitignore of the folder, node_modules and build output', async () => {
    const dir = project(undefined, { ...skipped, '.gitignore': 'generated/\n*.local.ts\n', 'src/app.ts': BAD_CODE });
    const { stdout, stderr } = await cli(dir, '--no-types', '--format', 'json');
    expect(filesIn(stdout, dir)).toEqual(['src/app.ts']);
    expect(stderr).toContain('Not a git work tree: only the .gitignore files of the named folders and the folders above them apply.');
  });

  it('in a git work tree: what git ignores, at any depth, and still what is tracked', async () => {
    const dir = project(undefined, {
      ...skipped,
      '.gitignore': 'generated/\n',
      'src/.gitignore': '*.local.ts\n',
      'src/app.ts': BAD_CODE,
      'src/tracked.ts': BAD_CODE,
    });
    execFileSync('git', ['init', '--quiet'], { cwd: dir });
    execFileSync('git', ['add', 'src/app.ts', 'src/tracked.ts', '.gitignore', 'src/.gitignore'], { cwd: dir });
    const { stdout, stderr } = await cli(dir, '--no-types', '--format', 'json');
    expect(filesIn(stdout, dir)).toEqual(['src/app.ts', 'src/tracked.ts']);
    expect(stderr).not.toContain('Not a git work tree');
    // A file named on the command line is linted even when git ignores it.
    const named = await cli(dir, '--no-types', '--format', 'json', 'src/orders.local.ts');
    expect(filesIn(named.stdout, dir)).toEqual(['src/orders.local.ts']);
  });
});

describe('the installed command', () => {
  let dir: string;

  beforeAll(() => {
    ensureBuilt();
    dir = project('project');
  }, BUILD_TIMEOUT);

  it('bin/async-pitfalls.js runs the built command: findings, summary, exit 1', async () => {
    const { code, stdout } = await spawn(process.execPath, [binPath, '--no-types', dir], root);
    expect(code).toBe(1);
    expect(stdout).toContain('✖ 3 problems (3 errors, 0 warnings)');
    expect(stdout).toContain('3 findings (3 errors, 0 warnings) in 3 of 4 files.');
  }, 60_000);

  it('bin/async-pitfalls.js exits 2 with one line for a missing path', async () => {
    const { code, stdout, stderr } = await spawn(process.execPath, [binPath, 'no/such/folder'], root);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'async-pitfalls: No such file or directory: no/such/folder\n' });
  }, 60_000);

  it('`npx async-pitfalls` finds the command in this repository', async () => {
    const { code, stdout } = await spawn('npx', ['--no-install', 'async-pitfalls', '--version'], root);
    expect(code).toBe(0);
    expect(stdout).toContain(`eslint-plugin-async-pitfalls ${plugin.meta.version}`);
  }, 60_000);

  it('bin/async-pitfalls.js type-checks (// @ts-check)', () => {
    const program = ts.createProgram([binPath], {
      allowJs: true,
      checkJs: true,
      noEmit: true,
      strict: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: ['node'],
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    expect(readFileSync(binPath, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n\/\/ @ts-check\n/u);
  }, 60_000);

  it('bin/async-pitfalls.js builds dist/ first in a fresh clone, and says what to do when it cannot', async () => {
    // A clone-shaped folder: the real bin, tsconfig.build.json, and a stand-in tsc that "builds" a command printing its arguments.
    const clone = project(undefined, {
      'package.json': '{ "type": "module" }\n',
      'tsconfig.build.json': '{}\n',
      'node_modules/typescript/bin/tsc': `import fs from 'node:fs';
import path from 'node:path';
const out = path.join(import.meta.dirname, '..', '..', '..', 'dist', 'cli');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'async-pitfalls.js'), 'export async function run(argv) { console.log("run " + argv.join(" ")); return 0; }\\n');
`,
    });
    cpSync(binPath, path.join(clone, 'bin', 'async-pitfalls.js'));
    const fresh = await spawn(process.execPath, [path.join(clone, 'bin', 'async-pitfalls.js'), 'examples/'], clone);
    expect(fresh).toEqual({ code: 0, stdout: 'run examples/\n', stderr: 'async-pitfalls: building the plugin first (dist/ is missing in this clone)...\n' });
    const built = await spawn(process.execPath, [path.join(clone, 'bin', 'async-pitfalls.js'), 'src'], clone);
    expect(built).toEqual({ code: 0, stdout: 'run src\n', stderr: '' });

    rmSync(path.join(clone, 'dist'), { recursive: true });
    rmSync(path.join(clone, 'node_modules'), { recursive: true });
    const unbuildable = await spawn(process.execPath, [path.join(clone, 'bin', 'async-pitfalls.js')], clone);
    expect(unbuildable).toEqual({ code: 2, stdout: '', stderr: 'async-pitfalls: the plugin is not built: run `npm ci && npm run build` in the repository.\n' });
  }, 60_000);

  it('is the package `bin`, and dist/ has what it starts', () => {
    const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
    expect(packageJson.bin).toEqual({ 'async-pitfalls': './bin/async-pitfalls.js' });
    expect(existsSync(path.join(root, 'dist', 'cli', 'async-pitfalls.js'))).toBe(true);
  });
});

function spawn(command: string, args: string[], cwd: string): Promise<Captured> {
  return new Promise((done) => {
    execFile(command, args, { cwd, env: { ...process.env, CI: 'true' } }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr: stderr.split('\n').filter((line) => !line.startsWith('npm warn')).join('\n') });
    });
  });
}
