/**
 * The user-facing debug mode as users meet it: a real Vitest run of the fixture
 * project tests/fixtures/runtime-user/ with the setup file, in both modes, and a
 * plain Node program started with the `--import` entry. Each finding must carry
 * a stack that points at the user's own lines.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultIsUserFile } from '../../../lib/runtime/debug.js';
import { runnableFromSources } from '../../../lib/runtime/source-tree.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const project = path.join(root, 'tests', 'fixtures', 'runtime-user');
const scratch = mkdtempSync(path.join(tmpdir(), 'async-pitfalls-debug-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment without the parent Vitest's own variables, which would make the child think it is a worker. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...extra, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VITEST|TINYPOOL|NODE_OPTIONS$)/.test(key) && !(key in env)) env[key] = value;
  }
  return env;
}

function run(args: readonly string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: project, env: cleanEnv(env), timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

interface JsonReport {
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

async function vitest(mode: 'warn' | 'fail'): Promise<{ run: Run; tests: Map<string, { status: string; failure: string }> }> {
  const output = path.join(scratch, `${mode}.json`);
  const result = await run(
    [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', path.join(project, 'vitest.config.ts'), '--reporter=default', '--reporter=json', `--outputFile.json=${output}`],
    { ASYNC_PITFALLS_MODE: mode },
  );
  const report = JSON.parse(await readFile(output, 'utf8')) as JsonReport;
  const tests = new Map<string, { status: string; failure: string }>();
  for (const file of report.testResults) {
    for (const test of file.assertionResults) tests.set(test.title, { status: test.status, failure: test.failureMessages.join('\n') });
  }
  return { run: result, tests };
}

const spec = `${project}${path.sep}checkout.spec.ts`;
const src = (file: string): string => `${project}${path.sep}src${path.sep}${file}`;

/** One Vitest run per mode, started by the first test that needs it. */
const runs = new Map<'warn' | 'fail', ReturnType<typeof vitest>>();
function vitestRun(mode: 'warn' | 'fail'): ReturnType<typeof vitest> {
  let pending = runs.get(mode);
  if (!pending) {
    pending = vitest(mode);
    runs.set(mode, pending);
  }
  return pending;
}

describe('defaultIsUserFile', () => {
  it("is the user's code: not node_modules, not this package's own lib/ or dist/ (stacks through dist/ are source-mapped to lib/)", () => {
    expect(defaultIsUserFile(path.join(project, 'src', 'orders.ts'))).toBe(true);
    expect(defaultIsUserFile(path.join(root, 'lib', 'runtime', 'vitest.ts'))).toBe(false);
    expect(defaultIsUserFile(path.join(root, 'dist', 'lib', 'runtime', 'vitest.js'))).toBe(false);
    expect(defaultIsUserFile(path.join(root, 'node_modules', 'vitest', 'dist', 'index.js'))).toBe(false);
    expect(defaultIsUserFile('node:internal/process/task_queues')).toBe(false);
  });
});

describe('the Vitest setup file, in fail mode', () => {

  it('fails the test that leaves a rejection unhandled, with where the promise was created', async () => {
    const test = (await vitestRun('fail')).tests.get('checks out an order');
    expect(test?.status).toBe('failed');
    expect(test?.failure).toContain("Unhandled rejection: nothing handled this promise's rejection");
    expect(test?.failure).toContain('Error: order without id');
    expect(test?.failure).toMatch(new RegExp(`the promise chain was started at:\\n\\s+at saveOrder \\(${escape(src('orders.ts'))}:5:\\d+\\)\\n\\s+at checkout \\(${escape(src('orders.ts'))}:10:3\\)\\n\\s+at ${escape(spec)}:7:16`));
  });

  it('fails the test whose async code calls readFileSync, pointing at the call', async () => {
    const test = (await vitestRun('fail')).tests.get('loads the settings');
    expect(test?.status).toBe('failed');
    expect(test?.failure).toContain('`fs.readFileSync` blocked the event loop inside an async function');
    expect(test?.failure).toMatch(new RegExp(`at loadSettings \\(${escape(src('settings.ts'))}:7:21\\)\\n\\s+at ${escape(spec)}:11:17`));
  });

  it('fails the test that ends with a timer still pending, pointing at where it was set', async () => {
    const test = (await vitestRun('fail')).tests.get('caches the session');
    expect(test?.status).toBe('failed');
    expect(test?.failure).toContain('The test ended with a `setTimeout`/`setInterval` timer still pending');
    expect(test?.failure).toMatch(new RegExp(`created at:\\n\\s+at remember \\(${escape(src('cache.ts'))}:5:3\\)\\n\\s+at ${escape(spec)}:15:3`));
  });

  it('reports work a test left running when it settles, failing the test then running and naming the one that started it', async () => {
    const { tests } = await vitestRun('fail');
    const leaving = tests.get('refreshes the cache');
    expect(leaving?.status).toBe('failed');
    // The timer is set by the executor arrow inside refresh, called from the test's line 20.
    expect(leaving?.failure).toMatch(
      new RegExp(`timer still pending[^]*created at:\\n\\s+at ${escape(src('cache.ts'))}:14:34\\n\\s+at refresh \\(${escape(src('cache.ts'))}:14:9\\)\\n\\s+at ${escape(spec)}:20:3`),
    );
    const during = tests.get('waits for the next request');
    expect(during?.status).toBe('failed');
    expect(during?.failure).toMatch(
      new RegExp(`A promise created by the test "refreshes the cache" settled after that test had ended[^]*started at:\\n\\s+at refresh \\(${escape(src('cache.ts'))}:13:\\d+\\)\\n\\s+at ${escape(spec)}:20:3`),
    );
  });

  it('passes the test that awaits, handles, reads asynchronously and clears its timer (and top-level reads are fine)', async () => {
    const { tests, run: result } = await vitestRun('fail');
    expect(tests.get('does it all right')).toEqual({ status: 'passed', failure: '' });
    expect(tests.size).toBe(6);
    expect(result.code).toBe(1);
  });
});

describe('the Vitest setup file, in warn mode', () => {

  it('prints each finding under its test, and fails no test', async () => {
    const { tests, run: result } = await vitestRun('warn');
    expect([...tests.values()].map((test) => test.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed', 'passed']);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(/checkout\.spec\.ts > checks out an order\n\[async-pitfalls\] Unhandled rejection/);
    expect(output).toMatch(/checkout\.spec\.ts > loads the settings\n\[async-pitfalls\] `fs\.readFileSync` blocked the event loop/);
    expect(output).toMatch(/checkout\.spec\.ts > caches the session\n\[async-pitfalls\] The test ended with a `setTimeout`/);
    expect(output).toMatch(/checkout\.spec\.ts > waits for the next request\n\[async-pitfalls\] A promise created by the test "refreshes the cache" settled after/);
  });

  it('leaves Vitest its own report of the unhandled rejection (the run still fails)', async () => {
    const { run: result } = await vitestRun('warn');
    expect(result.stdout + result.stderr).toContain('Unhandled Rejection');
    expect(result.code).toBe(1);
  });
});

describe('node --import register', () => {
  const register = async (): Promise<string> => pathToFileURL(await runnableFromSources(path.join(root, 'lib', 'runtime', 'register.ts'), ts)).href;
  const script = path.join(project, 'server.mjs');
  // ES modules appear in stacks by URL.
  const url = pathToFileURL(script).href;

  it('reports the blocking call and the rejection with their lines, and Node still exits as it would have', async () => {
    const result = await run(['--import', await register(), script], {});
    expect(result.stdout).toBe('listening on 8080\n');
    expect(result.stderr).toMatch(new RegExp(`\`fs\\.readFileSync\` blocked the event loop inside an async function[^\\n]*\\n\\s+at loadSettings \\(${escape(url)}:5:21\\)`));
    expect(result.stderr).toMatch(new RegExp(`the promise chain was started at:\\n\\s+at notifyAdmins \\(${escape(url)}:8:\\d+\\)\\n\\s+at ${escape(url)}:14:1`));
    // Node's default for an unhandled rejection: print it and exit with code 1.
    expect(result.stderr).toContain('Error: mail server down');
    expect(result.code).toBe(1);
  });

  it('without it, the program fails the same way but says nothing about the blocking call', async () => {
    const result = await run([script], {});
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('async-pitfalls');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
