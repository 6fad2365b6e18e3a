import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule, { type MessageIds, type Options } from '../../rules/no-exit-with-pending-work.js';
import { cloneCases, createRuleTester } from '../rule-tester.js';

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;

/** An async API written in the same file, so that both modes know it returns promises. */
const api = `
async function upload(file: string): Promise<void> {}
async function flushLogs(): Promise<void> {}
`;

const valid: Valid[] = [
  // Triage (docs/triage-strict.md): a helper that awaits its log flush and then exits (firebase's
  // flushAndExit) chose to wait for what was pending.
  `
declare const log: { waitForFlush(): Promise<void> };
export async function flushAndExit(code: number) {
  await log.waitForFlush();
  process.exit(code);
}
`,
  // A catch that bails out before any await: sync code, as at the top of a CLI.
  `
export async function main(argv: string[]) {
  try {
    JSON.parse(argv[0] ?? '');
  } catch {
    process.exit(2);
  }
  await upload('x');
}
${api}`,
  // A sync CLI: nothing was started, exiting early is fine.
  `
export function parseArgs(argv: string[]) {
  if (argv.length < 3) {
    console.error('usage: tool <file>');
    process.exit(2);
  }
  return argv[2];
}
`,
  // The promise was awaited before the exit: nothing is pending any more.
  `
await upload('a.txt');
process.exit(0);
${api}`,
  // The remedy: set the exit code and let the event loop drain.
  `
async function main() {
  await upload('a.txt');
}
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
${api}`,
  // Stored, then awaited before exiting.
  `
export function run() {
  const pending = upload('a.txt');
  return pending.then(() => {
    console.log('uploaded');
  });
}
const done = upload('b.txt');
await done;
process.exit(0);
${api}`,
  // A forced-shutdown timer in a sync callback: it runs later, on purpose, as a last resort.
  `
export function shutdown(server: { close(cb: () => void): void }) {
  server.close(() => {
    process.exit(0);
  });
  setTimeout(() => process.exit(1), 10_000).unref();
}
`,
  // Skipped on purpose: a signal handler's job is to clean up and then end the process.
  `
declare const db: { end(): Promise<void> };
process.on('SIGTERM', async () => {
  await db.end();
  process.exit(0);
});
`,
  // Skipped on purpose: a deliberate shutdown. The cleanup was awaited, then the exit cuts off what would keep the process alive.
  `
declare const server: { close(): Promise<void> };
export const closeServerAndExit = async () => {
  try {
    await server.close();
  } finally {
    process.exit();
  }
};
`,
  // Skipped on purpose: the exit code was set first; the exit is chosen, not an accident.
  `
export async function start(run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    console.error(error);
    if (process.exitCode == null) process.exitCode = 1;
    process.exit();
  }
}
`,
  // Skipped on purpose: before its first \`await\` an async function runs as sync code does.
  `
export async function init(project: string) {
  if (project !== 'browser') {
    console.error('only the browser project is supported');
    process.exit(1);
  }
  await upload(project);
}
${api}`,
  // Skipped on purpose: the exit waits for the watcher to close first.
  `
declare const watcher: { close(): Promise<void> | void };
export function onExit(code: number) {
  Promise.resolve(watcher.close()).finally(() => {
    process.exit(code);
  });
}
`,
  // Skipped on purpose: a bail-out in the middle of an async function (an argument or config check), not its end.
  `
export async function deploy(target: string) {
  const ok = await fetch(target).then((response) => response.ok);
  if (!ok) process.exit(3);
  await upload(target);
}
${api}`,
  // The promise is started in a nested function that runs later, not before the exit.
  `
export function schedule() {
  const retry = () => upload('again.txt');
  console.log(typeof retry);
  process.exit(0);
}
${api}`,
  // A local object named \`process\` is not Node's.
  `
export async function stop() {
  const process = { exit(code: number) { return code; } };
  process.exit(0);
}
`,
  // An \`exit\` that is not from node:process.
  `
import { exit } from './cli-helpers';
export async function quit() {
  exit(1);
}
`,
  // Sync code, nothing async before it.
  `
import process from 'node:process';
const config = JSON.parse('{}') as { port?: number };
if (!config.port) process.exit(1);
`,
  // In a promise executor the exit runs synchronously inside \`new Promise\`: not a promise callback.
  `
export function guard(ok: boolean) {
  return new Promise<void>((resolve) => {
    if (!ok) process.exit(1);
    resolve();
  });
}
`,
  // Unknown in both modes: a parameter of unknown shape, never counted as pending.
  `
export function finish(job: { start(): unknown }) {
  job.start();
  process.exit(0);
}
`,
  {
    // With checkAsyncCode off only exits after a pending promise are reported.
    code: `
async function main() {
  await upload('a.txt');
  process.exit(0);
}
main().then(() => process.exit(0));
${api}`,
    options: [{ checkAsyncCode: false }],
  },
];

const invalid: Invalid[] = [
  // Held-back corpus (catch-in-async): the error path of awaited work exits, cutting off the
  // error's output and skipping what comes after.
  {
    code: `export async function seed() {
  try {
    await upload('seed.sql');
  } catch (error) {
    console.error('seed failed', error);
    process.exit(1);
  }
  await upload('done');
}
${api}`,
    errors: [
      {
        messageId: 'exitInAsyncFunction',
        line: 6,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestExitCode',
            data: { code: '1' },
            output: `export async function seed() {
  try {
    await upload('seed.sql');
  } catch (error) {
    console.error('seed failed', error);
    process.exitCode = 1; return;
  }
  await upload('done');
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // The upload is cut off: the process ends before its first I/O completes.
    code: `export function finish(files: string[]) {
  for (const file of files) {
    upload(file);
  }
  process.exit(0);
}
${api}`,
    errors: [
      {
        messageId: 'exitWithPendingPromise',
        data: { line: '3' },
        line: 5,
        column: 3,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'suggestExitCode',
            data: { code: '0' },
            output: `export function finish(files: string[]) {
  for (const file of files) {
    upload(file);
  }
  process.exitCode = 0;
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // A function declared `never`: without the exit its end is reachable, which `never` forbids (tsc TS2534).
    // No suggestion rather than one that does not type-check (found by bench/fix-safety.mjs on tests/corpus).
    code: `import { writeFile } from 'node:fs/promises';
export function done(cache: Map<string, string>, failed: boolean): never {
  writeFile('.cache.json', JSON.stringify([...cache]));
  process.exit(failed ? 1 : 0);
}
`,
    errors: [{ messageId: 'exitWithPendingPromise', data: { line: '3' }, line: 4, column: 3, suggestions: [] }],
  },
  {
    // Top level of a script: the log flush never happens.
    code: `void flushLogs();
process.exit(1);
${api}`,
    errors: [
      {
        messageId: 'exitWithPendingPromise',
        data: { line: '1' },
        line: 2,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestExitCode',
            data: { code: '1' },
            output: `void flushLogs();
process.exitCode = 1;
${api}`,
          },
        ],
      },
    ],
  },
  {
    // A handled chain still runs: \`.catch\` does not make the process wait.
    code: `export function report(error: Error) {
  fetch('https://errors.example.com', { method: 'POST', body: error.message }).catch(console.error);
  process.exit(1);
}
`,
    errors: [
      {
        messageId: 'exitWithPendingPromise',
        data: { line: '2' },
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestExitCode',
            data: { code: '1' },
            output: `export function report(error: Error) {
  fetch('https://errors.example.com', { method: 'POST', body: error.message }).catch(console.error);
  process.exitCode = 1;
}
`,
          },
        ],
      },
    ],
  },
  {
    // Stored and never read before the exit.
    code: `export function stop(reason: string) {
  const flushed = flushLogs();
  if (reason) {
    console.error(reason);
    process.exit(1);
  }
  return flushed;
}
${api}`,
    // No suggestion: `process.exitCode = 1; return;` would hand callers `undefined` where they
    // expect the promise, and change the function's type to `Promise<void> | undefined`.
    errors: [{ messageId: 'exitWithPendingVariable', data: { name: 'flushed', line: '2' }, line: 5, column: 5, suggestions: [] }],
  },
  {
    // Promises mapped from a list and dropped.
    code: `export function syncAll(files: string[]) {
  files.map(async (file) => upload(file));
  process.exit();
}
${api}`,
    errors: [
      {
        messageId: 'exitWithPendingPromise',
        data: { line: '2' },
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestEndNormally',
            output: `export function syncAll(files: string[]) {
  files.map(async (file) => upload(file));
  
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // The classic async main that forces its way out.
    code: `async function main() {
  await upload('a.txt');
  console.log('done');
  process.exit(0);
}
await main();
${api}`,
    errors: [
      {
        messageId: 'exitInAsyncFunction',
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestExitCode',
            data: { code: '0' },
            output: `async function main() {
  await upload('a.txt');
  console.log('done');
  process.exitCode = 0;
}
await main();
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Promise callbacks: a concise body becomes a block.
    code: `async function main() {
  await upload('a.txt');
}
main().then(() => process.exit(0));
${api}`,
    errors: [
      {
        messageId: 'exitInPromiseCallback',
        line: 4,
        column: 19,
        suggestions: [
          {
            messageId: 'suggestExitCode',
            data: { code: '0' },
            output: `async function main() {
  await upload('a.txt');
}
main().then(() => { process.exitCode = 0; });
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `async function main() {
  await upload('a.txt');
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
${api}`,
    errors: [
      {
        messageId: 'exitInPromiseCallback',
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestExitCode',
            data: { code: '1' },
            output: `async function main() {
  await upload('a.txt');
}
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
${api}`,
          },
        ],
      },
    ],
  },
  {
    // The imported forms of \`process.exit\`; the one used as a value mid-function is a bail-out, not reported.
    code: `import process from 'node:process';
import { exit } from 'node:process';
export async function check(ok: boolean) {
  await Promise.resolve();
  const code = ok ? 0 : process.exit(1);
  exit(code);
}
`,
    errors: [
      {
        messageId: 'exitInAsyncFunction',
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestExitCode',
            data: { code: 'code' },
            output: `import process from 'node:process';
import { exit } from 'node:process';
export async function check(ok: boolean) {
  await Promise.resolve();
  const code = ok ? 0 : process.exit(1);
  process.exitCode = code;
}
`,
          },
        ],
      },
    ],
  },
  {
    // A pending promise in a signal handler is still cut off.
    code: `process.on('SIGINT', () => {
  flushLogs();
  process.exit(130);
});
${api}`,
    errors: [
      {
        messageId: 'exitWithPendingPromise',
        data: { line: '2' },
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestExitCode',
            data: { code: '130' },
            output: `process.on('SIGINT', () => {
  flushLogs();
  process.exitCode = 130;
});
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Started in the \`try\` block, still pending when its \`finally\` exits.
    code: `export async function stop() {
  try {
    flushLogs();
  } finally {
    process.exit(0);
  }
}
${api}`,
    errors: [
      {
        messageId: 'exitWithPendingPromise',
        data: { line: '3' },
        line: 5,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestExitCode',
            data: { code: '0' },
            output: `export async function stop() {
  try {
    flushLogs();
  } finally {
    process.exitCode = 0;
  }
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // The \`finally\` never runs: the profile is never written.
    code: `export async function build(run: () => Promise<void>, stopProfiler: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    console.error(error);
    process.exit(1);
  } finally {
    await stopProfiler();
  }
}
`,
    errors: [
      {
        messageId: 'exitSkipsCleanup',
        data: { line: '7' },
        line: 6,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestExitCode',
            data: { code: '1' },
            output: `export async function build(run: () => Promise<void>, stopProfiler: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    console.error(error);
    process.exitCode = 1; return;
  } finally {
    await stopProfiler();
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    // Top level with code after it: no sound replacement (the rest would start running).
    code: `void upload('a.txt');
if (process.argv.includes('--quick')) process.exit(0);
console.log('slow path');
${api}`,
    errors: [{ messageId: 'exitWithPendingPromise', data: { line: '1' }, line: 2, column: 39, suggestions: [] }],
  },
];

/** Promises only the checker sees: a value typed by a declared interface method through an alias. */
const typedOnlyInvalid: Invalid[] = [
  {
    code: `type Api = Record<string, () => Promise<void>>;
declare const api: Api;
export function stop() {
  api.flush();
  process.exit(0);
}
`,
    errors: [
      {
        messageId: 'exitWithPendingPromise',
        data: { line: '4' },
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestExitCode',
            data: { code: '0' },
            output: `type Api = Record<string, () => Promise<void>>;
declare const api: Api;
export function stop() {
  api.flush();
  process.exitCode = 0;
}
`,
          },
        ],
      },
    ],
  },
];

/** Without types the same code is unknown, and unknown never reports. */
const untypedOnlyValid: Valid[] = typedOnlyInvalid.map(({ code }) => code);

const script = { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } };

/** Plain JavaScript through ESLint's default parser (espree). */
const javascript = {
  valid: [
    {
      code: `const { writeFile } = require('node:fs/promises');
async function main() {
  await writeFile('/tmp/out.txt', 'ok');
}
main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`,
      languageOptions: script,
    },
  ],
  invalid: [
    {
      code: `const fsp = require('fs').promises;
function save(text) {
  fsp.writeFile('/tmp/out.txt', text);
  require('process').exit(0);
}
`,
      languageOptions: script,
      errors: [
        {
          messageId: 'exitWithPendingPromise' as const,
          data: { line: '3' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestExitCode' as const,
              data: { code: '0' },
              output: `const fsp = require('fs').promises;
function save(text) {
  fsp.writeFile('/tmp/out.txt', text);
  require('process').exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
  ],
};

createRuleTester({ typed: false }).run('no-exit-with-pending-work (untyped)', rule, {
  valid: cloneCases([...valid, ...untypedOnlyValid]),
  invalid: cloneCases(invalid),
});

createRuleTester({ typed: true }).run('no-exit-with-pending-work (typed)', rule, {
  valid: cloneCases(valid),
  invalid: cloneCases([...invalid, ...typedOnlyInvalid]),
});

createRuleTester({ typed: false }).run('no-exit-with-pending-work (JavaScript)', rule, javascript);
