import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule, { type MessageIds, type Options } from '../../rules/no-floating-promise.js';
import { cloneCases, createRuleTester } from '../rule-tester.js';

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;

/** Declarations shared by many cases: an async API written in the same file. */
const api = `
async function save(id: string): Promise<void> {}
async function loadUser(id: string) { return { id }; }
`;

const valid: Valid[] = [
  // Awaited.
  `
async function refresh(ids: string[]) {
  for (const id of ids) {
    await save(id);
  }
}
${api}`,
  // Returned to the caller, who decides.
  `
function persist(id: string) {
  return save(id);
}
${api}`,
  // A rejection handler at the end of the chain.
  `
save('a').catch((error) => console.error('save failed', error));
${api}`,
  `
loadUser('a').then((user) => console.log(user), (error) => console.error(error));
${api}`,
  `
loadUser('a')
  .then((user) => save(user.id))
  .catch(console.error)
  .finally(() => console.log('done'));
${api}`,
  // Stored, then awaited later: the "start early, await late" pattern.
  `
async function render(id: string) {
  const pending = loadUser(id);
  const header = 'User';
  console.log(header);
  const user = await pending;
  return user.id;
}
${api}`,
  // Stored and passed to Promise.all.
  `
async function both() {
  const first = save('a');
  const second = save('b');
  await Promise.all([first, second]);
}
${api}`,
  // Stored and handed to a callback that awaits it.
  `
export function watch(emitter: { on(event: string, cb: () => void): void }) {
  const ready = loadUser('a');
  emitter.on('tick', () => {
    ready.then((user) => console.log(user)).catch(console.error);
  });
}
${api}`,
  // Stored and returned inside an object.
  `
function start() {
  const done = save('a');
  return { done };
}
${api}`,
  // Exported: another module may await it.
  `
export const ready = loadUser('boot');
${api}`,
  // Passed on to someone else.
  `
const tracked: Promise<unknown>[] = [];
tracked.push(save('a'));
${api}`,
  // Mapped promises awaited together.
  `
async function saveAll(ids: string[]) {
  await Promise.all(ids.map(async (id) => save(id)));
  const results = ids.map((id) => loadUser(id));
  return Promise.allSettled(results);
}
${api}`,
  // Sync functions that merely look asynchronous.
  `
function saveSync(id: string) { console.log(id); }
function loadLater(cb: () => void) { setTimeout(cb, 10); }
saveSync('a');
loadLater(() => saveSync('b'));
`,
  // Timers, emitters, array methods: no promise here.
  `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
bus.emit('saved', 1);
setTimeout(() => bus.emit('later'), 10);
[1, 2, 3].forEach((n) => console.log(n));
`,
  // node:test registers the test and reports its failure itself.
  `
import { test, describe, it } from 'node:test';
test('saves', async () => {
  await save('a');
});
describe('suite', () => {
  it('works', async () => {});
});
${api}`,
  // Assigned to a field: stored, not dropped (the constructor rule judges this).
  `
class Service {
  ready: Promise<void>;
  constructor() {
    this.ready = save('boot');
  }
}
${api}`,
  // \`void\` with a handler inside is a deliberate, safe fire-and-forget.
  `
function onClick() {
  void save('a').catch(console.error);
}
${api}`,
  // The async IIFE handles its own rejection.
  `
(async () => {
  await save('a');
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
${api}`,
  // Cypress chains have a \`then\` but are not promises.
  `
declare const cy: any;
cy.get('button').then((button: unknown) => console.log(button));
`,
  // A user's \`then\` method on something that is not a thenable call site.
  `
const steps = { then: 1 };
console.log(steps.then);
`,
  // Directives are expression statements too.
  `'use strict';
export {};`,
  {
    code: `
function onClick() {
  void save('a');
}
${api}`,
    options: [{ allowVoid: true }],
  },
  {
    code: `
const router = { async push(path: string) { console.log(path); } };
router.push('/home');
`,
    options: [{ allow: ['router.push'] }],
  },
  {
    code: `
import { writeFile } from 'node:fs/promises';
export function touch() {
  writeFile('/tmp/touched', '');
}
`,
    options: [{ allow: [{ from: 'package', package: 'fs/promises', name: 'writeFile' }] }],
  },
  {
    code: `
class Query {
  then(resolve: (rows: number[]) => void) {
    resolve([]);
  }
}
new Query();
`,
    options: [{ checkThenables: false }],
  },
  {
    code: `
async function run() {
  const pending = save('a');
  console.log('started');
}
${api}`,
    options: [{ checkStored: false }],
  },
  // Unknown in both modes: a parameter of unknown type, never reported.
  `
export function call(handler: (id: string) => unknown) {
  handler('a');
}
`,
  // Odd but legal input must not crash, and unknown callees stay silent.
  `
(0, console.log)('x');
new (class {})();
export class Child extends Object {
  run() {
    super.toString();
  }
}
const table: Record<string, () => void> = {};
table['x']?.();
(function named() {})();
`,
  // A sync method on an object literal, and a local \`fetch\` that shadows the global.
  `
const store = { save(id: string) { console.log(id); } };
store.save('a');
function fetch(url: string) { return url.length; }
fetch('/x');
`,
  // Triage (undici's readAllBytes, writeBlob): a local function that catches its own errors, dropped
  // where nothing could await it, or with \`void\`: it never rejects, so nothing is lost.
  `
type Reader = { read(): Promise<{ done: boolean; value?: Uint8Array }> };
async function readAll(reader: Reader, onDone: (n: number) => void, onError: (e: unknown) => void) {
  try {
    let n = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        onDone(n);
        return;
      }
      n += value?.length ?? 0;
    }
  } catch (e) {
    onError(e);
  }
}
export class Body {
  consume(reader: Reader, onDone: (n: number) => void, onError: (e: unknown) => void) {
    readAll(reader, onDone, onError);
    void this.report();
  }
  async report() {
    try {
      await fetch('/report');
    } catch (e) {
      console.error(e);
    }
  }
}
`,
  // Triage (@apollo/server's heartbeat queue): taking a promise out of a collection starts nothing;
  // it was started, and is held, where it was put in.
  `
export function finish(queue: Promise<void>[], pending: Promise<void>[]) {
  queue.shift();
  pending.pop();
}
`,
];

const invalid: Invalid[] = [
  {
    // The same kind of function dropped inside async code: the caller goes on before it finishes.
    code: `async function report() {
  try {
    await fetch('/report');
  } catch (e) {
    console.error(e);
  }
}
export async function handle() {
  report();
}
`,
    errors: [
      {
        messageId: 'floatingInAsync',
        line: 9,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `async function report() {
  try {
    await fetch('/report');
  } catch (e) {
    console.error(e);
  }
}
export async function handle() {
  await report();
}
`,
          },
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `async function report() {
  try {
    await fetch('/report');
  } catch (e) {
    console.error(e);
  }
}
export async function handle() {
  report().catch(console.error);
}
`,
          },
        ],
      },
    ],
  },
  {
    // Its \`catch\` awaits again, outside any \`try\`: that can reject, and nobody handles it.
    code: `async function report() {
  try {
    await fetch('/report');
  } catch (e) {
    await fetch('/log');
  }
}
export function handle() {
  void report();
}
`,
    errors: [
      {
        messageId: 'floatingVoid',
        line: 9,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `async function report() {
  try {
    await fetch('/report');
  } catch (e) {
    await fetch('/log');
  }
}
export function handle() {
  void report().catch(console.error);
}
`,
          },
        ],
      },
    ],
  },
  {
    // The classic entry point: nothing catches a failure of main().
    code: `async function main() {
  await save('a');
}
main();
${api}`,
    errors: [
      {
        messageId: 'floatingTopLevel',
        line: 4,
        column: 1,
        endColumn: 7,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `async function main() {
  await save('a');
}
await main();
${api}`,
          },
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `async function main() {
  await save('a');
}
main().catch(console.error);
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export async function checkout(cartId: string) {
  save(cartId);
  return 'ok';
}
${api}`,
    errors: [
      {
        messageId: 'floatingInAsync',
        line: 2,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export async function checkout(cartId: string) {
  await save(cartId);
  return 'ok';
}
${api}`,
          },
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `export async function checkout(cartId: string) {
  save(cartId).catch(console.error);
  return 'ok';
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // The chain goes on before the audit record is written.
    code: `export function audit(id: string) {
  return loadUser(id).then((user) => {
    save(user.id);
  });
}
${api}`,
    errors: [
      {
        messageId: 'floatingInCallback',
        line: 3,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestReturn',
            output: `export function audit(id: string) {
  return loadUser(id).then((user) => {
    return save(user.id);
  });
}
${api}`,
          },
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `export function audit(id: string) {
  return loadUser(id).then((user) => {
    save(user.id).catch(console.error);
  });
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export async function syncAll(ids: string[]) {
  for (const id of ids) {
    save(id);
  }
}
${api}`,
    errors: [
      {
        messageId: 'floatingInLoop',
        line: 3,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export async function syncAll(ids: string[]) {
  for (const id of ids) {
    await save(id);
  }
}
${api}`,
          },
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `export async function syncAll(ids: string[]) {
  for (const id of ids) {
    save(id).catch(console.error);
  }
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export function onSubmit(id: string) {
  save(id);
}
${api}`,
    errors: [
      {
        messageId: 'floatingInSync',
        line: 2,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `export function onSubmit(id: string) {
  save(id).catch(console.error);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // \`void\` marks intent, but a rejection still crashes Node.
    code: `export async function warm() {
  void loadUser('cache');
}
${api}`,
    errors: [
      {
        messageId: 'floatingVoid',
        line: 2,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export async function warm() {
  await loadUser('cache');
}
${api}`,
          },
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `export async function warm() {
  void loadUser('cache').catch(console.error);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Methods of declared shapes, class fields, parameter properties and annotated variables.
    code: `declare const api: { refresh(): Promise<void> };
interface Broker { disconnect(): Promise<void>; name: string }
class Pool { async end() {} }
class Worker {
  pool = new Pool();
  constructor(private readonly broker: Broker) {}
  stop() {
    api.refresh();
    this.pool.end();
    this.broker.disconnect();
  }
}
let current: Broker | undefined;
export function drop() {
  current?.disconnect();
}
`,
    errors: [8, 9, 10, 15].map((line) => ({
      messageId: 'floatingInSync' as const,
      line,
      column: line === 15 ? 3 : 5,
      suggestions: [
        {
          messageId: 'suggestCatch' as const,
          data: { handler: 'console.error' },
          output: `declare const api: { refresh(): Promise<void> };
interface Broker { disconnect(): Promise<void>; name: string }
class Pool { async end() {} }
class Worker {
  pool = new Pool();
  constructor(private readonly broker: Broker) {}
  stop() {
    ${line === 8 ? 'api.refresh().catch(console.error);' : 'api.refresh();'}
    ${line === 9 ? 'this.pool.end().catch(console.error);' : 'this.pool.end();'}
    ${line === 10 ? 'this.broker.disconnect().catch(console.error);' : 'this.broker.disconnect();'}
  }
}
let current: Broker | undefined;
export function drop() {
  ${line === 15 ? 'current?.disconnect().catch(console.error);' : 'current?.disconnect();'}
}
`,
        },
      ],
    })),
  },
  {
    // Parentheses survive the swap from \`void\` to \`await\`.
    code: `export async function pick(fast: boolean) {
  void (fast ? loadUser('a') : loadUser('b'));
}
${api}`,
    errors: [
      {
        messageId: 'floatingVoid',
        line: 2,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export async function pick(fast: boolean) {
  await (fast ? loadUser('a') : loadUser('b'));
}
${api}`,
          },
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `export async function pick(fast: boolean) {
  void (fast ? loadUser('a') : loadUser('b')).catch(console.error);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `fetch('/api/health').then((response) => console.log(response.status));
`,
    errors: [
      {
        messageId: 'unhandledChain',
        line: 1,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `await fetch('/api/health').then((response) => console.log(response.status));
`,
          },
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `fetch('/api/health').then((response) => console.log(response.status)).catch(console.error);
`,
          },
        ],
      },
    ],
  },
  {
    code: `export async function saveAll(ids: string[]) {
  ids.map(async (id) => save(id));
}
${api}`,
    errors: [
      {
        messageId: 'floatingArray',
        line: 2,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwaitAll',
            output: `export async function saveAll(ids: string[]) {
  await Promise.all(ids.map(async (id) => save(id)));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Stored, then forgotten: typescript-eslint does not look at this case.
    code: `export async function publish(id: string) {
  const pending = save(id);
  console.log('published', id);
}
${api}`,
    errors: [
      {
        messageId: 'storedNeverAwaited',
        data: { name: 'pending' },
        line: 2,
        column: 9,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export async function publish(id: string) {
  const pending = await save(id);
  console.log('published', id);
}
${api}`,
          },
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `export async function publish(id: string) {
  const pending = save(id).catch(console.error);
  console.log('published', id);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // A field declared to hold a function that may return nothing: `.catch` may not be there, in
    // either mode (puppeteer-core's BidiOverCdp, found by bench/fix-safety.mjs).
    code: `class Bus {
  #onMessage: (message: unknown) => Promise<void> | void = async () => {};
  emit(message: unknown) {
    void this.#onMessage(message);
  }
}
export { Bus };
`,
    errors: [
      {
        messageId: 'floatingVoid',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `class Bus {
  #onMessage: (message: unknown) => Promise<void> | void = async () => {};
  emit(message: unknown) {
    void Promise.resolve(this.#onMessage(message)).catch(console.error);
  }
}
export { Bus };
`,
          },
        ],
      },
    ],
  },
  {
    // A stored array of promises: `await` and `.catch` belong on Promise.all, and a
    // `.catch` there would make the array a promise (`pending.length` no longer type-checks).
    code: `export async function publishAll(ids: string[]) {
  const pending = ids.map((id) => save(id));
  console.log('publishing', pending.length);
}
export function queueAll(ids: string[]) {
  const pending = ids.map((id) => save(id));
  return pending.length;
}
${api}`,
    errors: [
      {
        messageId: 'storedNeverAwaited',
        data: { name: 'pending' },
        line: 2,
        column: 9,
        suggestions: [
          {
            messageId: 'suggestAwaitAll',
            output: `export async function publishAll(ids: string[]) {
  const pending = await Promise.all(ids.map((id) => save(id)));
  console.log('publishing', pending.length);
}
export function queueAll(ids: string[]) {
  const pending = ids.map((id) => save(id));
  return pending.length;
}
${api}`,
          },
        ],
      },
      { messageId: 'storedNeverAwaited', data: { name: 'pending' }, line: 6, column: 9, suggestions: [] },
    ],
  },
  {
    code: `export function choose(remote: boolean) {
  remote ? save('remote') : console.log('local');
}
${api}`,
    errors: [
      {
        messageId: 'floatingInSync',
        line: 2,
        column: 12,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `export function choose(remote: boolean) {
  remote ? save('remote').catch(console.error) : console.log('local');
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export function maybeSave(dirty: boolean) {
  dirty && save('doc');
}
${api}`,
    errors: [
      {
        messageId: 'floatingInSync',
        line: 2,
        column: 12,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `export function maybeSave(dirty: boolean) {
  dirty && save('doc').catch(console.error);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Methods on \`this\`, and an optional call on an instance.
    code: `class Cache {
  async flush() {}
  set(key: string) {
    console.log(key);
    this.flush();
  }
}
const cache = new Cache();
cache?.flush();
`,
    errors: [
      {
        messageId: 'floatingInSync',
        line: 5,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `class Cache {
  async flush() {}
  set(key: string) {
    console.log(key);
    this.flush().catch(console.error);
  }
}
const cache = new Cache();
cache?.flush();
`,
          },
        ],
      },
      {
        messageId: 'floatingTopLevel',
        line: 9,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `class Cache {
  async flush() {}
  set(key: string) {
    console.log(key);
    this.flush();
  }
}
const cache = new Cache();
await cache?.flush();
`,
          },
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `class Cache {
  async flush() {}
  set(key: string) {
    console.log(key);
    this.flush();
  }
}
const cache = new Cache();
cache?.flush().catch(console.error);
`,
          },
        ],
      },
    ],
  },
  {
    // Promise APIs known by module: promisify, fs/promises.
    code: `import { promisify } from 'node:util';
import { readFile } from 'node:fs';
import { writeFile } from 'node:fs/promises';
const readFileAsync = promisify(readFile);
export function copy() {
  readFileAsync('/tmp/a');
  writeFile('/tmp/b', '');
}
`,
    errors: [
      {
        messageId: 'floatingInSync',
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `import { promisify } from 'node:util';
import { readFile } from 'node:fs';
import { writeFile } from 'node:fs/promises';
const readFileAsync = promisify(readFile);
export function copy() {
  readFileAsync('/tmp/a').catch(console.error);
  writeFile('/tmp/b', '');
}
`,
          },
        ],
      },
      {
        messageId: 'floatingInSync',
        line: 7,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `import { promisify } from 'node:util';
import { readFile } from 'node:fs';
import { writeFile } from 'node:fs/promises';
const readFileAsync = promisify(readFile);
export function copy() {
  readFileAsync('/tmp/a');
  writeFile('/tmp/b', '').catch(console.error);
}
`,
          },
        ],
      },
    ],
  },
  {
    // Across files: store.ts exports async functions. Untyped mode reads it too.
    code: `import { save as persist } from './store';
export function onChange(id: string) {
  persist({ id });
}
`,
    errors: [
      {
        messageId: 'floatingInSync',
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `import { save as persist } from './store';
export function onChange(id: string) {
  persist({ id }).catch(console.error);
}
`,
          },
        ],
      },
    ],
  },
  {
    code: `new Promise((resolve) => setTimeout(resolve, 10));
(async () => {
  await fetch('/warmup');
})();
`,
    errors: [
      {
        messageId: 'floatingTopLevel',
        line: 1,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `await new Promise((resolve) => setTimeout(resolve, 10));
(async () => {
  await fetch('/warmup');
})();
`,
          },
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `new Promise((resolve) => setTimeout(resolve, 10)).catch(console.error);
(async () => {
  await fetch('/warmup');
})();
`,
          },
        ],
      },
      {
        messageId: 'floatingTopLevel',
        line: 2,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `new Promise((resolve) => setTimeout(resolve, 10));
await (async () => {
  await fetch('/warmup');
})();
`,
          },
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `new Promise((resolve) => setTimeout(resolve, 10));
(async () => {
  await fetch('/warmup');
})().catch(console.error);
`,
          },
        ],
      },
    ],
  },
  {
    // A thenable that is not a Promise: its work may not even start.
    code: `class Query {
  then(resolve: (rows: number[]) => void) {
    resolve([]);
  }
}
new Query();
`,
    errors: [
      {
        messageId: 'floatingTopLevel',
        line: 6,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `class Query {
  then(resolve: (rows: number[]) => void) {
    resolve([]);
  }
}
await new Query();
`,
          },
          {
            messageId: 'suggestCatch',
            data: { handler: 'h' },
            output: `class Query {
  then(resolve: (rows: number[]) => void) {
    resolve([]);
  }
}
Promise.resolve(new Query()).catch(h);
`,
          },
        ],
      },
    ],
    options: [{ rejectionHandler: 'h' }],
  },
  {
    // Object-literal methods, static factories, fetch's body readers, dynamic import, Promise.*.
    code: `const repo = { async remove(id: string) { console.log(id); } };
class Store {
  static async open() { return new Store(); }
}
export async function cleanup(url: string) {
  repo.remove('a');
  Store.open();
  const response = await fetch(url);
  response.json();
  import('node:fs');
  Promise.all([repo.remove('b')]);
}
`,
    errors: [6, 7, 9, 10, 11].map((line) => ({
      messageId: 'floatingInAsync' as const,
      line,
      column: 3,
      suggestions: [
        { messageId: 'suggestAwait' as const, output: awaitLine(line) },
        { messageId: 'suggestCatch' as const, data: { handler: 'console.error' }, output: catchLine(line) },
      ],
    })),
  },
];


/**
 * The semantics we share with @typescript-eslint/no-floating-promises, restated
 * in our own cases: handled chains, sequences, unions, subclasses of Promise,
 * optional chains. (Where we differ — \`void\`, stored promises — see the docs.)
 */
const agreementValid: Valid[] = [
  `
export async function shared() {
  Promise.resolve('v').then(() => {}, () => {});
  Promise.reject(new Error('x')).then(() => {}).catch(() => {});
  (async () => true)().catch(() => {});
  Promise.resolve().catch(() => {}), 123;
  123, Promise.resolve().then(() => {}, () => {});
  Math.random() > 0.5 ? Promise.resolve().catch(() => {}) : null;
  Promise.resolve().catch(() => {}) || Promise.resolve().then(() => {}, () => {});
  const x = Promise.resolve();
  const y = x.then(() => {});
  y.catch(() => {});
}
`,
  `
declare const maybe: () => Promise<void> | null;
export async function optional() {
  await maybe?.();
  maybe()?.then(() => {}, () => {});
  maybe()?.then(() => {})?.catch(() => {});
  maybe()?.catch(() => {});
}
`,
];

/** One dropped promise inside an async function: where it is, and the two suggestions. */
function inAsync(statement: string, reported: string, prelude = ''): Invalid {
  const code = `${prelude}export async function shared() {\n  ${statement}\n}\n`;
  const line = prelude.split('\n').length + 1;
  const column = 3 + statement.indexOf(reported);
  const edit = (replacement: string) => `${prelude}export async function shared() {\n  ${statement.replace(reported, replacement)}\n}\n`;
  return {
    code,
    errors: [
      {
        messageId: 'floatingInAsync',
        line,
        column,
        suggestions: [
          { messageId: 'suggestAwait', output: edit(`await ${reported}`) },
          { messageId: 'suggestCatch', data: { handler: 'console.error' }, output: edit(`${reported}.catch(console.error)`) },
        ],
      },
    ],
  };
}

const agreementInvalid: Invalid[] = [
  inAsync(`Promise.resolve('v').catch();`, `Promise.resolve('v').catch()`),
  inAsync(`Math.random() > 0.5 ? null : Promise.resolve();`, `Promise.resolve()`),
  inAsync(`123, Promise.resolve(), 123;`, `Promise.resolve()`),
  inAsync(`jobs.nightly;`, `jobs.nightly`, `const jobs = { nightly: Promise.resolve() };\n`),
  inAsync(`union;`, `union`, `declare const union: Promise<number> | Promise<string>;\n`),
  inAsync(`(async () => true)();`, `(async () => true)()`),
];

/** Cases only the checker can see: the promise comes through a declared type. */
const typedOnlyInvalid: Invalid[] = [
  {
    code: `declare const api: Record<string, () => Promise<void>>;
export function tick() {
  api.refresh();
}
`,
    errors: [
      {
        messageId: 'floatingInSync',
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `declare const api: Record<string, () => Promise<void>>;
export function tick() {
  api.refresh().catch(console.error);
}
`,
          },
        ],
      },
    ],
  },
];

/** Plain JavaScript through ESLint's default parser (espree), as JS-only users run it. */
const javascript = {
  valid: [
    {
      // Promise only when no callback is given (isexe, many Node-style APIs): called with one, nothing floats.
      code: `function isexe(path, cb) {
  if (!cb) {
    return new Promise((resolve, reject) => {
      isexe(path, (error, is) => (error ? reject(error) : resolve(is)));
    });
  }
  cb(null, path.length > 0);
}
isexe('/usr/bin/node', () => {});
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
    },
    {
      code: `const fs = require('fs');
async function main() {
  await fs.promises.writeFile('/tmp/x', '');
}
main().catch(console.error);
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
    },
  ],
  invalid: [
    {
      code: `const { promises: fsp } = require('node:fs');
function touch(file) {
  fsp.writeFile(file, '');
}
touch('/tmp/x');
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
      errors: [
        {
          messageId: 'floatingInSync' as const,
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestCatch' as const,
              data: { handler: 'console.error' },
              output: `const { promises: fsp } = require('node:fs');
function touch(file) {
  fsp.writeFile(file, '').catch(console.error);
}
touch('/tmp/x');
`,
            },
          ],
        },
      ],
    },
    {
      // CommonJS exports of a sibling file, and methods assigned on a prototype.
      code: `const { save, format } = require('./legacy-store');
function Queue() {}
Queue.prototype.flush = async function () {};
Queue.prototype.push = function (item) {
  format(item);
  save(item);
  this.flush();
};
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
      errors: [6, 7].map((line) => ({
        messageId: 'floatingInSync' as const,
        line,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestCatch' as const,
            data: { handler: 'console.error' },
            output: `const { save, format } = require('./legacy-store');
function Queue() {}
Queue.prototype.flush = async function () {};
Queue.prototype.push = function (item) {
  format(item);
  ${line === 6 ? 'save(item).catch(console.error);' : 'save(item);'}
  ${line === 7 ? 'this.flush().catch(console.error);' : 'this.flush();'}
};
`,
          },
        ],
      })),
    },
    {
      // A CommonJS script cannot use top-level await: only \`.catch\` is offered.
      code: `async function main() {}
main();
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
      errors: [
        {
          messageId: 'floatingTopLevel' as const,
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'suggestCatch' as const,
              data: { handler: 'console.error' },
              output: `async function main() {}
main().catch(console.error);
`,
            },
          ],
        },
      ],
    },
  ],
};

/** Typed mode also matches \`allow\` against the promise's type. */
const typedOnlyValid: Valid[] = [
  {
    code: `
interface Deferred<T> extends PromiseLike<T> { cancel(): void }
declare function schedule(): Deferred<void>;
schedule();
`,
    options: [{ allow: [{ from: 'file', name: 'Deferred' }] }],
  },
  {
    code: `
interface Deferred<T> extends PromiseLike<T> { cancel(): void }
declare function schedule(): Deferred<void>;
schedule();
`,
    options: [{ allow: ['Deferred'] }],
  },
];

/** A union with a non-promise has no \`.catch\` to call: the suggestion wraps it. */
const typedSuggestionCases: Invalid[] = [{
  code: `declare const mixed: Promise<number> | number;
export function tick() {
  mixed;
}
`,
  errors: [
    {
      messageId: 'floatingInSync',
      line: 3,
      column: 3,
      suggestions: [
        {
          messageId: 'suggestCatch',
          data: { handler: 'console.error' },
          output: `declare const mixed: Promise<number> | number;
export function tick() {
  Promise.resolve(mixed).catch(console.error);
}
`,
        },
      ],
    },
  ],
}, {
  // `void` or `undefined` beside the promise: `.catch` is not there to call (found by bench/fix-safety.mjs in puppeteer-core).
  code: `declare const onMessage: (message: unknown) => Promise<void> | void;
declare function maybeSave(): Promise<void> | undefined;
export function emit(message: unknown) {
  void onMessage(message);
  maybeSave();
}
`,
  errors: [
    {
      messageId: 'floatingVoid',
      line: 4,
      column: 3,
      suggestions: [
        {
          messageId: 'suggestCatch',
          data: { handler: 'console.error' },
          output: `declare const onMessage: (message: unknown) => Promise<void> | void;
declare function maybeSave(): Promise<void> | undefined;
export function emit(message: unknown) {
  void Promise.resolve(onMessage(message)).catch(console.error);
  maybeSave();
}
`,
        },
      ],
    },
    {
      messageId: 'floatingInSync',
      line: 5,
      column: 3,
      suggestions: [
        {
          messageId: 'suggestCatch',
          data: { handler: 'console.error' },
          output: `declare const onMessage: (message: unknown) => Promise<void> | void;
declare function maybeSave(): Promise<void> | undefined;
export function emit(message: unknown) {
  void onMessage(message);
  Promise.resolve(maybeSave()).catch(console.error);
}
`,
        },
      ],
    },
  ],
}, {
  // The `undefined` of an optional chain is the chain's: `.catch` continues it and type-checks.
  code: `declare const client: { close(): Promise<void> } | undefined;
export function stop() {
  client?.close();
}
`,
  errors: [
    {
      messageId: 'floatingInSync',
      line: 3,
      column: 3,
      suggestions: [
        {
          messageId: 'suggestCatch',
          data: { handler: 'console.error' },
          output: `declare const client: { close(): Promise<void> } | undefined;
export function stop() {
  client?.close().catch(console.error);
}
`,
        },
      ],
    },
  ],
}];

/** A type allowed from a package does not match a same-named local type. */
const typedOnlyInvalidAllow: Invalid[] = [
  {
    code: `interface Deferred<T> extends PromiseLike<T> { cancel(): void }
declare function schedule(): Deferred<void>;
schedule();
`,
    options: [{ allow: [{ from: 'package', package: 'some-scheduler', name: 'Deferred' }] }],
    errors: [
      {
        messageId: 'floatingTopLevel',
        line: 3,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `interface Deferred<T> extends PromiseLike<T> { cancel(): void }
declare function schedule(): Deferred<void>;
await schedule();
`,
          },
          {
            messageId: 'suggestCatch',
            data: { handler: 'console.error' },
            output: `interface Deferred<T> extends PromiseLike<T> { cancel(): void }
declare function schedule(): Deferred<void>;
Promise.resolve(schedule()).catch(console.error);
`,
          },
        ],
      },
    ],
  },
];

/** Without types the same code is unknown, and unknown never reports. */
const untypedOnlyValid: Valid[] = typedOnlyInvalid.map(({ code }) => code);

createRuleTester({ typed: false }).run('no-floating-promise (untyped)', rule, {
  valid: cloneCases([...valid, ...untypedOnlyValid]),
  invalid: cloneCases(invalid),
});

createRuleTester({ typed: false }).run('no-floating-promise (JavaScript)', rule, javascript);

for (const typed of [false, true]) {
  createRuleTester({ typed }).run(`no-floating-promise (agreement, ${typed ? 'typed' : 'untyped'})`, rule, {
    valid: cloneCases(agreementValid),
    invalid: cloneCases(agreementInvalid),
  });
}

createRuleTester({ typed: true }).run('no-floating-promise (typed)', rule, {
  valid: cloneCases([...valid, ...typedOnlyValid]),
  invalid: cloneCases([...invalid, ...typedOnlyInvalid, ...typedOnlyInvalidAllow, ...typedSuggestionCases]),
});

/** The cleanup() case above, with the suggestion applied on one line. */
function cleanupCode(edit: (line: string) => string, target: number): string {
  const lines = `const repo = { async remove(id: string) { console.log(id); } };
class Store {
  static async open() { return new Store(); }
}
export async function cleanup(url: string) {
  repo.remove('a');
  Store.open();
  const response = await fetch(url);
  response.json();
  import('node:fs');
  Promise.all([repo.remove('b')]);
}
`.split('\n');
  lines[target - 1] = edit(lines[target - 1] ?? '');
  return lines.join('\n');
}

function awaitLine(line: number): string {
  return cleanupCode((text) => text.replace(/^  /, '  await ').replace(/;$/, ';'), line);
}

function catchLine(line: number): string {
  return cleanupCode((text) => text.replace(/;$/, '.catch(console.error);'), line);
}
