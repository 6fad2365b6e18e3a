import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule, { type MessageIds, type Options } from '../../rules/no-blocking-in-async.js';
import path from 'node:path';
import { cloneCases, createRuleTester, fixturesDir } from '../rule-tester.js';

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;

const commonjs = { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } };

const valid: Valid[] = [
  // The promise API: nothing blocks.
  `
import { readFile, writeFile } from 'node:fs/promises';
import fs, { promises as fsp } from 'node:fs';
export async function copyConfig(from: string, to: string) {
  const text = await readFile(from, 'utf8');
  await writeFile(to, text);
  await fs.promises.appendFile('/var/log/copy.log', to);
  return fsp.stat(to);
}
`,
  // Callback APIs do not block either.
  `
import { readFile } from 'node:fs';
import { exec } from 'node:child_process';
export async function run(cmd: string) {
  exec(cmd, (error, stdout) => console.log(error, stdout));
  readFile('/etc/hosts', 'utf8', (error, text) => console.log(error, text));
}
`,
  // Top-level sync code runs once, at startup, before any request.
  `
import { readFileSync } from 'node:fs';
const config = JSON.parse(readFileSync('config.json', 'utf8')) as { port: number };
const banner = readFileSync('banner.txt', 'utf8');
await Promise.resolve();
export { config, banner };
`,
  // A blocking helper that no async code calls.
  `
import { readFileSync } from 'node:fs';
function loadConfig(file: string) {
  return JSON.parse(readFileSync(file, 'utf8')) as object;
}
export function main() {
  const config = loadConfig('config.json');
  console.log(config);
}
`,
  // A sync helper that does not block, called from async code.
  `
function formatName(first: string, last: string) {
  return \`\${first} \${last}\`.trim();
}
export async function greet(first: string, last: string) {
  return 'Hello ' + formatName(first, last);
}
`,
  // Lazy one-time initialisation blocks once, not on every call (skipped on purpose).
  `
import { readFileSync } from 'node:fs';
let template: string | undefined;
export async function render(name: string) {
  if (!template) template = readFileSync('page.html', 'utf8');
  return template.replace('{{name}}', name);
}
`,
  `
import { readFileSync } from 'node:fs';
let schema: object | undefined;
function getSchema() {
  schema ??= JSON.parse(readFileSync('schema.json', 'utf8')) as object;
  return schema;
}
export async function validate(input: unknown) {
  return [getSchema(), input];
}
`,
  // Sync callbacks of listeners and timers: only with \`checkCallbacks\`.
  `
import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
bus.on('reload', () => console.log(readFileSync('config.json', 'utf8')));
setTimeout(() => readFileSync('later.txt'), 100);
`,
  // Exit handlers must finish synchronously: never reported.
  {
    code: `
import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync('/tmp/state.json', '{}'));
process.once('SIGTERM', () => writeFileSync('/tmp/stopped', ''));
`,
    options: [{ checkCallbacks: true }],
  },
  // Test bodies run alone: reading a fixture synchronously delays nothing (skipped on purpose).
  `
import { readFileSync } from 'node:fs';
declare const it: (name: string, body: () => Promise<void>) => void;
it('parses the fixture', async () => {
  const text = readFileSync('fixtures/input.json', 'utf8');
  await Promise.resolve(JSON.parse(text));
});
`,
  // A command-line script: nothing else runs while it blocks (skipped on purpose).
  `#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
async function main() {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  execSync(\`git tag v\${pkg.version}\`);
}
main().catch((error: unknown) => { console.error(error); process.exitCode = 1; });
`,
  // Next.js runs these once, at build time, and documents reading files synchronously there (skipped on purpose).
  `
import fs from 'node:fs';
import path from 'node:path';
export async function getStaticProps() {
  const posts = fs.readdirSync(path.join(process.cwd(), 'posts'));
  return { props: { posts } };
}
export const getStaticPaths = async () => ({
  paths: fs.readdirSync('posts').map((file) => ({ params: { slug: file.replace(/\\.md$/, '') } })),
  fallback: false,
});
`,
  // A worker thread takes blocking work off the main thread: blocking there stalls only the worker (skipped on purpose).
  `
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
parentPort?.on('message', async (file: string) => {
  parentPort?.postMessage(gzipSync(readFileSync(file)));
});
`,
  // Constructors are sync code: no-io-in-constructor judges them.
  `
import { readFileSync } from 'node:fs';
export class Settings {
  values: object;
  constructor(file: string) {
    this.values = JSON.parse(readFileSync(file, 'utf8')) as object;
  }
}
`,
  // A time-budgeted work loop does work in its body: it is not a sleep.
  `
export async function drain(queue: string[], handle: (item: string) => void) {
  while (queue.length > 0) {
    const deadline = Date.now() + 10;
    while (queue.length > 0 && Date.now() < deadline) handle(queue.shift() ?? '');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
`,
  // Polling that waits between checks.
  `
import { access } from 'node:fs/promises';
export async function waitForFile(file: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await access(file);
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return false;
}
`,
  // Look-alikes: a local function named like a sync API, a user object's method.
  `
function readFileSync(key: string) { return localStorage.getItem(key); }
const db = { querySync: (sql: string) => sql.length };
export async function load() {
  return [readFileSync('settings'), db.querySync('select 1')];
}
`,
  // \`allow\` names a callee the team accepts.
  {
    code: `
import { readFileSync } from 'node:fs';
export async function handler() {
  return readFileSync('/proc/self/status', 'utf8');
}
`,
    options: [{ allow: [{ from: 'package', package: 'node:fs', name: 'readFileSync' }] }],
  },
  {
    code: `
import { readFileSync } from 'node:fs';
function readSmallFile(file: string) { return readFileSync(file, 'utf8'); }
export async function handler() {
  return readSmallFile('/proc/loadavg');
}
`,
    options: [{ allow: ['readSmallFile'] }],
  },
  // A sync generator runs when iterated; an async callback nobody calls in place.
  `
import { readFileSync } from 'node:fs';
function* lines(file: string) { yield* readFileSync(file, 'utf8').split('\\n'); }
export async function count(files: string[]) {
  const readers = files.map((file) => () => readFileSync(file));
  return [lines, readers];
}
`,
];

const api = `import { readFileSync } from 'node:fs';`;

const invalid: Invalid[] = [
  {
    // A request handler that reads its template on every request.
    code: `${api}
export async function renderPage(name: string) {
  const template = readFileSync('templates/page.html', 'utf8');
  return template.replace('{{name}}', name);
}
`,
    errors: [
      {
        messageId: 'blockingCall',
        data: {
          callee: 'readFileSync',
          why: 'reads the whole file',
          advice: ' Use `readFile` from `node:fs/promises` instead.',
        },
        line: 3,
        column: 20,
        suggestions: [
          {
            messageId: 'suggestAsyncTwin',
            data: { twin: 'await readFile(...)' },
            output: `${api}
import { readFile } from 'node:fs/promises';
export async function renderPage(name: string) {
  const template = await readFile('templates/page.html', 'utf8');
  return template.replace('{{name}}', name);
}
`,
          },
        ],
      },
    ],
  },
  {
    // Default import: the twin is reached through the same binding; a member access after the call needs parentheses.
    code: `import fs from 'fs';
export async function loadUsers(file: string) {
  return JSON.parse(fs.readFileSync(file).toString()) as string[];
}
`,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 21,
        suggestions: [
          {
            messageId: 'suggestAsyncTwin',
            data: { twin: 'await fs.promises.readFile(...)' },
            output: `import fs from 'fs';
export async function loadUsers(file: string) {
  return JSON.parse((await fs.promises.readFile(file)).toString()) as string[];
}
`,
          },
        ],
      },
    ],
  },
  {
    // Aliased import; the twin joins an existing import of node:fs/promises.
    code: `import { readFileSync as rf } from 'node:fs';
import { writeFile } from 'node:fs/promises';
export async function backup(file: string) {
  const data = rf(file);
  await writeFile(\`\${file}.bak\`, data);
}
`,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestAsyncTwin',
            output: `import { readFileSync as rf } from 'node:fs';
import { writeFile, readFile } from 'node:fs/promises';
export async function backup(file: string) {
  const data = await readFile(file);
  await writeFile(\`\${file}.bak\`, data);
}
`,
          },
        ],
      },
    ],
  },
  {
    // Namespace import, several calls in one method; no drop-in twin for existsSync or execSync.
    code: `import * as fs from 'node:fs';
import * as cp from 'node:child_process';
export class Deployer {
  async deploy(dir: string) {
    if (!fs.existsSync(dir)) throw new Error(\`\${dir} is missing\`);
    cp.execSync('npm ci', { cwd: dir });
    fs.writeFileSync(\`\${dir}/.deployed\`, new Date().toISOString());
  }
}
`,
    errors: [
      { messageId: 'blockingCall', line: 5, column: 10, suggestions: [] },
      { messageId: 'blockingCall', line: 6, column: 5, suggestions: [] },
      {
        messageId: 'blockingCall',
        line: 7,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestAsyncTwin',
            output: `import * as fs from 'node:fs';
import * as cp from 'node:child_process';
export class Deployer {
  async deploy(dir: string) {
    if (!fs.existsSync(dir)) throw new Error(\`\${dir} is missing\`);
    cp.execSync('npm ci', { cwd: dir });
    await fs.promises.writeFile(\`\${dir}/.deployed\`, new Date().toISOString());
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    // In a \`.then\` callback the promise itself replaces the value: the chain waits for it.
    code: `${api}
export function loadTemplate(config: Promise<{ template: string }>) {
  return config.then((settings) => readFileSync(settings.template, 'utf8'));
}
`,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 36,
        suggestions: [
          {
            messageId: 'suggestAsyncTwin',
            data: { twin: 'readFile(...)' },
            output: `${api}
import { readFile } from 'node:fs/promises';
export function loadTemplate(config: Promise<{ template: string }>) {
  return config.then((settings) => readFile(settings.template, 'utf8'));
}
`,
          },
        ],
      },
    ],
  },
  {
    // A promise executor runs synchronously inside \`new Promise\`: no await there, so no swap.
    code: `${api}
export function readLater(file: string) {
  return new Promise<string>((resolve) => {
    const text = readFileSync(file, 'utf8');
    resolve(text);
  });
}
`,
    errors: [{ messageId: 'blockingCall', line: 4, column: 18, suggestions: [] }],
  },
  {
    // In a sync callback inside async code: reported, but \`await\` is not legal there.
    code: `${api}
export async function readAll(files: string[]) {
  return files.map((file) => readFileSync(file, 'utf8'));
}
`,
    errors: [{ messageId: 'blockingCall', line: 3, column: 30, suggestions: [] }],
  },
  {
    // The classic sleep: a loop that spins on the clock.
    code: `export async function retry<T>(task: () => Promise<T>, attempts: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= attempts) throw error;
      const start = Date.now();
      while (Date.now() - start < 100 * attempt) {}
    }
  }
}
`,
    errors: [
      {
        messageId: 'busyWait',
        line: 8,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestTimersSleep',
            data: { sleep: 'setTimeout' },
            output: `import { setTimeout } from 'node:timers/promises';
export async function retry<T>(task: () => Promise<T>, attempts: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= attempts) throw error;
      const start = Date.now();
      await setTimeout(100 * attempt);
    }
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    // The file uses the global setTimeout elsewhere: the import takes another name.
    code: `export async function pollUntil(deadline: number, onTick: () => void) {
  setTimeout(onTick, 0);
  while (Date.now() < deadline);
}
`,
    errors: [
      {
        messageId: 'busyWait',
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestTimersSleep',
            data: { sleep: 'sleep' },
            output: `import { setTimeout as sleep } from 'node:timers/promises';
export async function pollUntil(deadline: number, onTick: () => void) {
  setTimeout(onTick, 0);
  await sleep(deadline - Date.now());
}
`,
          },
        ],
      },
    ],
  },
  {
    // A spin that also polls: blocking, but no plain sleep can replace it.
    code: `import { existsSync } from 'node:fs';
export async function waitForLock(lock: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    if (!existsSync(lock) || Date.now() > deadline) break;
  }
}
`,
    errors: [
      { messageId: 'busyWait', line: 4, column: 3, suggestions: [] },
      { messageId: 'blockingCall', line: 5, column: 10, suggestions: [] },
    ],
  },
  {
    // A same-file helper that blocks, reported where async code calls it.
    code: `${api}
function loadConfig(file: string) {
  return JSON.parse(readFileSync(file, 'utf8')) as { port: number };
}
export async function start() {
  const config = loadConfig('config.json');
  return config.port;
}
`,
    errors: [
      {
        messageId: 'blockingHelper',
        data: { callee: 'loadConfig()', blocking: '`readFileSync`', where: 'line 3' },
        line: 6,
        column: 18,
      },
    ],
  },
  {
    // Through methods, statics and a busy-wait helper.
    code: `import { execSync } from 'node:child_process';
function sleepSync(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}
class Git {
  static head() {
    return execSync('git rev-parse HEAD').toString().trim();
  }
  revision() {
    return Git.head();
  }
}
export class Releaser extends Git {
  async release() {
    sleepSync(50);
    return this.revision();
  }
}
`,
    errors: [
      {
        messageId: 'blockingHelper',
        data: { callee: 'sleepSync()', blocking: 'a busy-wait loop', where: 'line 4' },
        line: 16,
        column: 5,
      },
      {
        messageId: 'blockingHelper',
        data: { callee: 'this.revision()', blocking: '`execSync`', where: 'line 8' },
        line: 17,
        column: 12,
      },
    ],
  },
  {
    // zlib: the twin goes through util.promisify; both imports are added.
    code: `import { gzipSync } from 'node:zlib';
export async function compress(body: string) {
  return gzipSync(body);
}
`,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        suggestions: [
          {
            messageId: 'suggestAsyncTwin',
            data: { twin: 'await promisify(gzip)(...)' },
            output: `import { gzipSync, gzip } from 'node:zlib';
import { promisify } from 'node:util';
export async function compress(body: string) {
  return await promisify(gzip)(body);
}
`,
          },
        ],
      },
    ],
  },
  {
    // crypto through its default import, promisify already imported.
    code: `import crypto from 'node:crypto';
import { promisify } from 'node:util';
export async function hashPassword(password: string, salt: string) {
  const key = crypto.pbkdf2Sync(password, salt, 600_000, 64, 'sha512');
  return key.toString('hex');
}
`,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 15,
        suggestions: [
          {
            messageId: 'suggestAsyncTwin',
            output: `import crypto from 'node:crypto';
import { promisify } from 'node:util';
export async function hashPassword(password: string, salt: string) {
  const key = await promisify(crypto.pbkdf2)(password, salt, 600_000, 64, 'sha512');
  return key.toString('hex');
}
`,
          },
        ],
      },
    ],
  },
  {
    // Atomics.wait suspends the whole thread.
    code: `export async function waitForWorker(flags: Int32Array) {
  Atomics.wait(flags, 0, 0, 1000);
  return flags[0];
}
`,
    errors: [{ messageId: 'blockingCall', line: 2, column: 3, suggestions: [] }],
  },
  {
    // Packages: fs-extra, glob, a sleep package, readline-sync.
    code: `import fse from 'fs-extra';
import { globSync } from 'glob';
import sleep from 'system-sleep';
import readlineSync from 'readline-sync';
export async function migrate(dir: string) {
  const files = globSync(\`\${dir}/*.json\`);
  const state = fse.readJsonSync(\`\${dir}/state.json\`);
  sleep(100);
  const answer = readlineSync.question('Continue? ');
  return [files, state, answer];
}
`,
    errors: [
      {
        messageId: 'blockingCall',
        line: 6,
        column: 17,
        suggestions: [
          {
            messageId: 'suggestAsyncTwin',
            output: `import fse from 'fs-extra';
import { globSync, glob } from 'glob';
import sleep from 'system-sleep';
import readlineSync from 'readline-sync';
export async function migrate(dir: string) {
  const files = await glob(\`\${dir}/*.json\`);
  const state = fse.readJsonSync(\`\${dir}/state.json\`);
  sleep(100);
  const answer = readlineSync.question('Continue? ');
  return [files, state, answer];
}
`,
          },
        ],
      },
      {
        messageId: 'blockingCall',
        line: 7,
        column: 17,
        suggestions: [
          {
            messageId: 'suggestAsyncTwin',
            output: `import fse from 'fs-extra';
import { globSync } from 'glob';
import sleep from 'system-sleep';
import readlineSync from 'readline-sync';
export async function migrate(dir: string) {
  const files = globSync(\`\${dir}/*.json\`);
  const state = await fse.readJson(\`\${dir}/state.json\`);
  sleep(100);
  const answer = readlineSync.question('Continue? ');
  return [files, state, answer];
}
`,
          },
        ],
      },
      {
        messageId: 'blockingCall',
        line: 8,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAsyncTwin',
            output: `import fse from 'fs-extra';
import { globSync } from 'glob';
import sleep from 'system-sleep';
import readlineSync from 'readline-sync';
import { setTimeout } from 'node:timers/promises';
export async function migrate(dir: string) {
  const files = globSync(\`\${dir}/*.json\`);
  const state = fse.readJsonSync(\`\${dir}/state.json\`);
  await setTimeout(100);
  const answer = readlineSync.question('Continue? ');
  return [files, state, answer];
}
`,
          },
        ],
      },
      { messageId: 'blockingCall', line: 9, column: 18, suggestions: [] },
    ],
  },
  {
    // statSync's throwIfNoEntry has no promise counterpart: reported without a swap.
    code: `import { statSync } from 'node:fs';
export async function sizeOf(file: string) {
  return statSync(file, { throwIfNoEntry: false })?.size ?? 0;
}
`,
    errors: [{ messageId: 'blockingCall', line: 3, column: 10, suggestions: [] }],
  },
  {
    // An async generator and an async arrow stored in an object.
    code: `${api}
export async function* chunks(files: string[]) {
  for (const file of files) yield readFileSync(file);
}
export const handlers = {
  load: async (file: string) => readFileSync(file, 'utf8'),
};
`,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 35,
        suggestions: [
          {
            messageId: 'suggestAsyncTwin',
            output: `${api}
import { readFile } from 'node:fs/promises';
export async function* chunks(files: string[]) {
  for (const file of files) yield await readFile(file);
}
export const handlers = {
  load: async (file: string) => readFileSync(file, 'utf8'),
};
`,
          },
        ],
      },
      {
        messageId: 'blockingCall',
        line: 6,
        column: 33,
        suggestions: [
          {
            messageId: 'suggestAsyncTwin',
            output: `${api}
import { readFile } from 'node:fs/promises';
export async function* chunks(files: string[]) {
  for (const file of files) yield readFileSync(file);
}
export const handlers = {
  load: async (file: string) => await readFile(file, 'utf8'),
};
`,
          },
        ],
      },
    ],
  },
  {
    // A name of the twin is taken in this file: the import is aliased.
    code: `import { readFileSync, readFile } from 'node:fs';
export async function both(file: string) {
  readFile(file, () => {});
  return readFileSync(file);
}
`,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 10,
        suggestions: [
          {
            messageId: 'suggestAsyncTwin',
            output: `import { readFileSync, readFile } from 'node:fs';
import { readFile as readFileAsync } from 'node:fs/promises';
export async function both(file: string) {
  readFile(file, () => {});
  return await readFileAsync(file);
}
`,
          },
        ],
      },
    ],
  },
  {
    // checkCallbacks: listener, timer and route callbacks run on the event loop too.
    code: `${api}
import http from 'node:http';
export const server = http.createServer((req, res) => {
  res.end(readFileSync('public/index.html'));
});
setInterval(() => console.log(readFileSync('/proc/loadavg', 'utf8')), 1000);
`,
    options: [{ checkCallbacks: true }],
    errors: [
      { messageId: 'blockingCall', line: 4, column: 11, suggestions: [] },
      { messageId: 'blockingCall', line: 6, column: 31, suggestions: [] },
    ],
  },
  {
    // \`blocking\` adds callees the catalog does not know.
    code: `declare const db: { prepare(sql: string): { all(): unknown[] } };
export async function listUsers() {
  return db.prepare('select * from users').all();
}
`,
    options: [{ blocking: ['db.prepare'] }],
    errors: [
      {
        messageId: 'blockingCall',
        data: { callee: 'db.prepare', why: 'blocks', advice: '' },
        line: 3,
        column: 10,
        suggestions: [],
      },
    ],
  },
];

/** The checker follows callees into other files and through typed fields. */
const typedOnlyInvalid: Invalid[] = [
  {
    code: `import { loadSettings, gitRevision, waitBriefly, SettingsStore } from './blocking-helpers.js';
export async function boot(store: SettingsStore) {
  const settings = loadSettings('settings.json');
  const revision = gitRevision();
  waitBriefly(10);
  return [settings, revision, store.read('motd.txt')];
}
`,
    errors: [
      {
        messageId: 'blockingHelper',
        data: { callee: 'loadSettings()', blocking: '`readFileSync`', where: 'blocking-helpers.ts:6' },
        line: 3,
        column: 20,
      },
      {
        messageId: 'blockingHelper',
        data: { callee: 'gitRevision()', blocking: '`execFileSync`', where: 'blocking-helpers.ts:14' },
        line: 4,
        column: 20,
      },
      {
        messageId: 'blockingHelper',
        data: { callee: 'waitBriefly()', blocking: 'a busy-wait loop', where: 'blocking-helpers.ts:19' },
        line: 5,
        column: 3,
      },
      {
        messageId: 'blockingHelper',
        data: { callee: 'store.read()', blocking: '`readFileSync`', where: 'blocking-helpers.ts:38' },
        line: 6,
        column: 31,
      },
    ],
  },
  {
    // An injected \`fs\`: the checker knows what \`this.fs.readFileSync\` is; the receiver stays, so no swap.
    code: `import type * as nodeFs from 'node:fs';
export class Templates {
  constructor(private readonly fs: typeof nodeFs) {}
  async render(name: string) {
    return this.fs.readFileSync(\`templates/\${name}.html\`, 'utf8');
  }
}
`,
    errors: [{ messageId: 'blockingCall', line: 5, column: 12, suggestions: [] }],
  },
];

/** Without types the same code is unknown, and unknown never reports. */
const untypedOnlyValid: Valid[] = [
  ...typedOnlyInvalid.map(({ code }) => code),
  // (Untyped only because the typed tester's project has no vite.config.ts.)
  // A tool's config file runs once, when the tool starts (skipped on purpose).
  {
    code: `
import { readFileSync } from 'node:fs';
export default async function config() {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string };
  return { name: pkg.name };
}
`,
    filename: path.join(fixturesDir, 'vite.config.ts'),
  },
];

/** Helpers of other files that do not block, or block once: silent in both modes. */
const crossFileValid: Valid[] = [
  `import { templateOnce, formatName, loadAsync } from './blocking-helpers.js';
export async function page(first: string) {
  return [templateOnce(), formatName(first, 'x'), await loadAsync('a')];
}
`,
];

const javascript = {
  valid: [
    {
      code: `const fs = require('fs');
async function main() {
  const text = await fs.promises.readFile('config.json', 'utf8');
  return JSON.parse(text);
}
module.exports = main;
`,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      // CommonJS: the twin comes through \`require\`.
      code: `'use strict';
const { readFileSync } = require('fs');
const path = require('path');
module.exports = async function loadLocale(lang) {
  return JSON.parse(readFileSync(path.join(__dirname, lang + '.json'), 'utf8'));
};
`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'blockingCall' as const,
          line: 5,
          column: 21,
          suggestions: [
            {
              messageId: 'suggestAsyncTwin' as const,
              output: `'use strict';
const { readFileSync } = require('fs');
const path = require('path');
const { readFile } = require('node:fs/promises');
module.exports = async function loadLocale(lang) {
  return JSON.parse(await readFile(path.join(__dirname, lang + '.json'), 'utf8'));
};
`,
            },
          ],
        },
      ],
    },
    {
      // require() without destructuring, and a method on a prototype.
      code: `function Cache(dir) { this.dir = dir; }
Cache.prototype.get = async function (key) {
  return require('fs').readFileSync(this.dir + '/' + key);
};
module.exports = Cache;
`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'blockingCall' as const,
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestAsyncTwin' as const,
              output: `const { readFile } = require('node:fs/promises');
function Cache(dir) { this.dir = dir; }
Cache.prototype.get = async function (key) {
  return await readFile(this.dir + '/' + key);
};
module.exports = Cache;
`,
            },
          ],
        },
      ],
    },
  ],
};

createRuleTester({ typed: false }).run('no-blocking-in-async (untyped)', rule, {
  valid: cloneCases([...valid, ...untypedOnlyValid, ...crossFileValid]),
  invalid: cloneCases(invalid),
});

createRuleTester({ typed: true }).run('no-blocking-in-async (typed)', rule, {
  valid: cloneCases([...valid, ...crossFileValid]),
  invalid: cloneCases([...invalid, ...typedOnlyInvalid]),
});

createRuleTester({ typed: false }).run('no-blocking-in-async (JavaScript)', rule, javascript);
