import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule, { type MessageIds, type Options } from '../../rules/no-misused-async-callback.js';
import { cloneCases, createRuleTester } from '../rule-tester.js';

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;

/** An async API written in the same file, so that both modes know what returns a promise. */
const api = `
async function save(id: string): Promise<void> {
  if (!id) throw new Error('no id');
}
async function isActive(id: string): Promise<boolean> {
  return id.startsWith('a');
}
`;

const valid: Valid[] = [
  // The fixes this rule suggests: a loop that awaits, and Promise.all over map.
  `
export async function notifyAll(ids: string[]) {
  for (const id of ids) {
    await save(id);
  }
  await Promise.all(ids.map(async (id) => save(id)));
  await Promise.allSettled(ids.map((id) => save(id)));
}
${api}`,
  // The array of promises is returned: the caller decides how to wait.
  `
export function saveAll(ids: string[]) {
  return ids.map(async (id) => save(id));
}
export const saveEach = (ids: string[]) => ids.map((id) => save(id));
${api}`,
  // Stored first, awaited together later (start early, await late).
  `
export async function both(ids: string[]) {
  const pending = ids.map(async (id) => save(id));
  console.log('started', pending.length);
  await Promise.all(pending);
}
${api}`,
  // Stored and awaited one by one.
  `
export async function inOrder(ids: string[]) {
  const pending = ids.map((id) => save(id));
  for (const p of pending) {
    await p;
  }
}
${api}`,
  // Spread into Promise.all with other work.
  `
export async function warm(ids: string[], keys: string[]) {
  await Promise.all([...ids.map(async (id) => save(id)), ...keys.map(async (key) => save(key))]);
}
${api}`,
  // An async reducer that awaits its accumulator runs the steps in order.
  `
export async function totalLength(ids: string[]) {
  return ids.reduce(async (sum, id) => (await sum) + id.length, Promise.resolve(0));
}
export function chain(ids: string[]) {
  return ids.reduce((previous, id) => previous.then(() => save(id)), Promise.resolve());
}
${api}`,
  // Sync callbacks everywhere.
  `
const ids = ['a', 'b'];
ids.forEach((id) => console.log(id));
export const active = ids.filter((id) => id.startsWith('a'));
setTimeout(() => console.log('tick'), 10);
`,
  // The listener catches its own errors: nothing can reject (typescript-eslint #4619).
  `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
bus.on('save', async (id: string) => {
  try {
    await save(id);
  } catch (error) {
    console.error('save failed', error);
  }
});
bus.on('quick', (id: string) => save(id).catch(console.error));
bus.once('later', async (id: string) => save(id).catch((error: unknown) => console.error(error)));
${api}`,
  // Triage (@apollo/server's schema reporter, puppeteer's BiDi request): the callback is a method or
  // field that catches its own errors, passed by reference or called from an arrow's expression body.
  `
import { EventEmitter } from 'node:events';
export class Reporter {
  timer: ReturnType<typeof setTimeout> | undefined;
  start() {
    this.timer = setTimeout(() => this.sendAndScheduleNext(false), 1000);
  }
  private async sendAndScheduleNext(again: boolean) {
    try {
      await save('report');
      if (again) this.start();
    } catch (error) {
      console.error(error);
    }
  }
}
export class Request {
  #onAuth = async () => {
    await save('auth').catch((error: unknown) => console.error(error));
  };
  listen(emitter: EventEmitter) {
    emitter.on('authenticate', this.#onAuth);
    emitter.on('message', this.onMessage.bind(this));
  }
  async onMessage() {
    try {
      await save('message');
    } catch (error) {
      console.error(error);
    }
  }
}
${api}`,
  // Emitters made with captureRejections send a rejected listener to 'error'.
  `
import { EventEmitter } from 'node:events';
const jobs = new EventEmitter({ captureRejections: true });
jobs.on('error', (error: unknown) => console.error(error));
jobs.on('run', async (id: string) => save(id));
class Bus extends EventEmitter {
  constructor() {
    super({ captureRejections: true });
    this.on('tick', async () => save('tick'));
  }
}
export const bus = new Bus();
bus.on('tock', async () => save('tock'));
${api}`,
  // A handler property declared to take a promise-returning function: the object may wait for it.
  `
declare const uploader: { onsave: (() => Promise<void>) | null };
uploader.onsave = async () => save('a');
${api}`,
  // Timers whose callback handles the rejection.
  `
setTimeout(() => {
  save('a').catch(console.error);
}, 100);
setInterval(async () => {
  try {
    await save('b');
  } catch (error) {
    console.error(error);
  }
}, 1000);
${api}`,
  // Not ours: \`new Promise(async ...)\` belongs to no-promise-constructor-misuse.
  `
export function delayed() {
  return new Promise<void>(async (resolve) => {
    await save('a');
    resolve();
  });
}
${api}`,
  // Promise callbacks wait for what they return; so does \`finally\`.
  `
export function pipeline(id: string) {
  return save(id)
    .then(async () => save(id))
    .catch(async () => save('fallback'))
    .finally(async () => save('cleanup'));
}
${api}`,
  // A local callee that declares it waits for a promise.
  `
async function withRetry(task: () => Promise<void>) {
  await task();
}
export async function run() {
  await withRetry(async () => save('a'));
}
${api}`,
  // Generators are not promise-returning.
  `
export const rows = [1, 2].map(async function* (n) {
  yield n;
});
`,
  // Streams await their async callbacks (node:stream's forEach/filter/map).
  `
import { Readable } from 'node:stream';
export async function copyRows(rows: string[]) {
  await Readable.from(rows).forEach(async (row) => save(row));
  const stream = Readable.from(rows);
  await stream.filter(async (row) => isActive(row)).toArray();
}
${api}`,
  // A stream typed by annotation: its forEach awaits (typed: declared so; untyped: the imported type).
  `
import type { Readable } from 'node:stream';
export async function drain(rows: Readable) {
  await rows.forEach(async (row: string) => save(row));
}
${api}`,
  // Promise-based timers take no callback.
  `
import { setTimeout as sleep } from 'node:timers/promises';
export async function pause() {
  await sleep(100);
}
`,
  // A local setTimeout that shadows the global one.
  `
async function setTimeout(task: () => Promise<void>, ms: number) {
  await new Promise((resolve) => globalThis.setTimeout(resolve, ms));
  await task();
}
export async function later() {
  await setTimeout(async () => save('a'), 10);
}
${api}`,
  // An unknown callee and an unknown callback: silent in both modes.
  `
export function register(api: { use(fn: unknown): void }, handler: (req: unknown) => unknown) {
  api.use(handler);
  api.use(async () => {});
}
`,
  {
    // Frameworks whose \`on\` awaits its handlers, declared by name.
    code: `
declare const bot: { on(event: string, fn: (ctx: unknown) => unknown): void };
bot.on('message', async (ctx) => {
  await save(String(ctx));
});
${api}`,
    options: [{ allow: ['bot.on'] }],
  },
  {
    code: `
import { Telegraf } from 'telegraf';
const bot = new Telegraf('token');
bot.on('text', async () => {
  await save('a');
});
${api}`,
    options: [{ allow: [{ from: 'package', package: 'telegraf', name: 'on' }] }],
  },
];

const invalid: Invalid[] = [
  {
    // The method an arrow calls does not catch: its rejection is unhandled.
    code: `export class Reporter {
  start() {
    setTimeout(() => this.send(), 1000);
  }
  private async send() {
    await save('report');
  }
}
${api}`,
    errors: [
      {
        messageId: 'callbackIgnored',
        data: { method: 'setTimeout' },
        line: 3,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `export class Reporter {
  start() {
    setTimeout(() => this.send().catch(console.error), 1000);
  }
  private async send() {
    await save('report');
  }
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // The classic: the function returns before any email is sent, and failures vanish.
    code: `export async function notifyAll(ids: string[]) {
  ids.forEach(async (id) => {
    await save(id);
  });
  console.log('all saved');
}
${api}`,
    errors: [
      {
        messageId: 'forEachNotAwaited',
        data: { method: 'forEach' },
        line: 2,
        column: 15,
        endLine: 2,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'suggestForOf',
            output: `export async function notifyAll(ids: string[]) {
  for (const id of ids) {
    await save(id);
  }
  console.log('all saved');
}
${api}`,
          },
          {
            messageId: 'suggestPromiseAll',
            output: `export async function notifyAll(ids: string[]) {
  await Promise.all(ids.map(async (id) => {
    await save(id);
  }));
  console.log('all saved');
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Index parameter, an early return, a typed parameter: the loop keeps them right.
    code: `export async function importRows(rows: string[]) {
  rows.forEach(async (row: string, i) => {
    if (!row) return;
    await save(\`\${i}:\${row}\`);
  });
}
${api}`,
    errors: [
      {
        messageId: 'forEachNotAwaited',
        line: 2,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestForOf',
            output: `export async function importRows(rows: string[]) {
  for (const [i, row] of rows.entries()) {
    if (!row) continue;
    await save(\`\${i}:\${row}\`);
  }
}
${api}`,
          },
          {
            messageId: 'suggestPromiseAll',
            output: `export async function importRows(rows: string[]) {
  await Promise.all(rows.map(async (row: string, i) => {
    if (!row) return;
    await save(\`\${i}:\${row}\`);
  }));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // \`await\` in front of forEach waits for \`undefined\`, not for the callbacks.
    code: `export async function flush(ids: string[]) {
  await ids.forEach(async (id) => save(id));
}
${api}`,
    errors: [
      {
        messageId: 'forEachNotAwaited',
        line: 2,
        column: 21,
        suggestions: [
          {
            messageId: 'suggestForOf',
            output: `export async function flush(ids: string[]) {
  for (const id of ids) { await save(id); }
}
${api}`,
          },
          {
            messageId: 'suggestPromiseAll',
            output: `export async function flush(ids: string[]) {
  await Promise.all(ids.map(async (id) => save(id)));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // A function name works the same; in sync code there is nothing to suggest.
    code: `export function saveEverything(ids: string[]) {
  ids.forEach(save);
}
${api}`,
    errors: [{ messageId: 'forEachNotAwaited', line: 2, column: 15, endColumn: 19, suggestions: [] }],
  },
  {
    // A return with a value inside the callback: no loop rewrite, Promise.all still fits.
    code: `export async function refresh(ids: string[]) {
  ids.forEach(async (id) => {
    for (const part of id.split('/')) {
      if (!part) return;
    }
    await save(id);
  });
}
${api}`,
    errors: [
      {
        messageId: 'forEachNotAwaited',
        line: 2,
        column: 15,
        suggestions: [
          {
            messageId: 'suggestPromiseAll',
            output: `export async function refresh(ids: string[]) {
  await Promise.all(ids.map(async (id) => {
    for (const part of id.split('/')) {
      if (!part) return;
    }
    await save(id);
  }));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Every promise is truthy: the filter keeps everything.
    code: `export async function activeIds(ids: string[]) {
  return ids.filter(async (id) => await isActive(id));
}
${api}`,
    errors: [{ messageId: 'predicateIsPromise', data: { method: 'filter' }, line: 2, column: 21, endColumn: 34 }],
  },
  {
    code: `export function anyActive(ids: string[]) {
  const found = ids.some((id) => isActive(id));
  const first = ids.find(isActive);
  return found && first;
}
${api}`,
    errors: [
      { messageId: 'predicateIsPromise', data: { method: 'some' }, line: 2, column: 26, endColumn: 33 },
      { messageId: 'predicateIsPromise', data: { method: 'find' }, line: 3, column: 26, endColumn: 34 },
    ],
  },
  {
    code: `export async function byScore(ids: string[]) {
  return ids.sort(async (a, b) => (await isActive(a) ? 1 : 0) - (await isActive(b) ? 1 : 0));
}
${api}`,
    errors: [{ messageId: 'comparatorIsPromise', data: { method: 'sort' }, line: 2, column: 19, endColumn: 34 }],
  },
  {
    // From the second item on, \`sum\` is a promise: \`sum + n\` concatenates "[object Promise]".
    code: `export function total(ids: string[]) {
  return ids.reduce(async (sum, id) => sum + (await isActive(id) ? 1 : 0), 0);
}
${api}`,
    errors: [{ messageId: 'reducerNotAwaited', line: 2, column: 21, endColumn: 39 }],
  },
  {
    code: `export async function labels(ids: string[]) {
  const names = ids.map(async (id) => {
    await save(id);
    return id.toUpperCase();
  });
  return names.join(', ');
}
${api}`,
    errors: [
      {
        messageId: 'mapResultAsValues',
        data: { method: 'map' },
        line: 2,
        column: 25,
        suggestions: [
          {
            messageId: 'suggestPromiseAll',
            output: `export async function labels(ids: string[]) {
  const names = await Promise.all(ids.map(async (id) => {
    await save(id);
    return id.toUpperCase();
  }));
  return names.join(', ');
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export async function persist(ids: string[]) {
  await ids.map(async (id) => save(id));
  console.log(\`saved \${ids.map(async (id) => id)}\`);
}
${api}`,
    errors: [
      {
        messageId: 'mapResultAwaited',
        line: 2,
        column: 17,
        suggestions: [
          {
            messageId: 'suggestPromiseAll',
            output: `export async function persist(ids: string[]) {
  await Promise.all(ids.map(async (id) => save(id)));
  console.log(\`saved \${ids.map(async (id) => id)}\`);
}
${api}`,
          },
        ],
      },
      {
        messageId: 'mapResultAsValues',
        line: 3,
        column: 32,
        suggestions: [
          {
            messageId: 'suggestPromiseAll',
            output: `export async function persist(ids: string[]) {
  await ids.map(async (id) => save(id));
  console.log(\`saved \${await Promise.all(ids.map(async (id) => id))}\`);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export async function checkAll(ids: string[]) {
  ids.map(async (id) => save(id));
  return ids.map((id) => isActive(id)).filter(Boolean);
}
${api}`,
    errors: [
      {
        messageId: 'mapResultDropped',
        line: 2,
        column: 11,
        suggestions: [
          {
            messageId: 'suggestPromiseAll',
            output: `export async function checkAll(ids: string[]) {
  await Promise.all(ids.map(async (id) => save(id)));
  return ids.map((id) => isActive(id)).filter(Boolean);
}
${api}`,
          },
        ],
      },
      {
        messageId: 'mapResultAsValues',
        line: 3,
        column: 18,
        suggestions: [
          {
            messageId: 'suggestPromiseAll',
            output: `export async function checkAll(ids: string[]) {
  ids.map(async (id) => save(id));
  return (await Promise.all(ids.map((id) => isActive(id)))).filter(Boolean);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // An emitter calls the listener and forgets it: a failed save is an unhandled rejection.
    code: `import { EventEmitter } from 'node:events';
export const orders = new EventEmitter();
orders.on('paid', async (id: string) => {
  await save(id);
  console.log('saved', id);
});
${api}`,
    errors: [
      {
        messageId: 'listenerIgnored',
        data: { method: 'on' },
        line: 3,
        column: 19,
        endColumn: 40,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `import { EventEmitter } from 'node:events';
export const orders = new EventEmitter();
orders.on('paid', async (id: string) => {
  try {
    await save(id);
    console.log('saved', id);
  } catch (error) {
    console.error(error);
  }
});
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Expression bodies get the \`.catch\` appended; a non-async function returning a promise counts too.
    code: `import { EventEmitter } from 'node:events';
const jobs = new EventEmitter();
jobs.once('start', async (id: string) => save(id));
jobs.addListener('retry', (id: string) => save(id));
jobs.prependListener('stop', async (id: string) => await save(id));
${api}`,
    options: [{ rejectionHandler: 'reportError' }],
    errors: [
      {
        messageId: 'listenerIgnored',
        data: { method: 'once' },
        line: 3,
        column: 20,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'reportError' },
            output: `import { EventEmitter } from 'node:events';
const jobs = new EventEmitter();
jobs.once('start', async (id: string) => save(id).catch(reportError));
jobs.addListener('retry', (id: string) => save(id));
jobs.prependListener('stop', async (id: string) => await save(id));
${api}`,
          },
        ],
      },
      {
        messageId: 'listenerIgnored',
        data: { method: 'addListener' },
        line: 4,
        column: 27,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'reportError' },
            output: `import { EventEmitter } from 'node:events';
const jobs = new EventEmitter();
jobs.once('start', async (id: string) => save(id));
jobs.addListener('retry', (id: string) => save(id).catch(reportError));
jobs.prependListener('stop', async (id: string) => await save(id));
${api}`,
          },
        ],
      },
      {
        messageId: 'listenerIgnored',
        data: { method: 'prependListener' },
        line: 5,
        column: 30,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'reportError' },
            output: `import { EventEmitter } from 'node:events';
const jobs = new EventEmitter();
jobs.once('start', async (id: string) => save(id));
jobs.addListener('retry', (id: string) => save(id));
jobs.prependListener('stop', async (id: string) => save(id).catch(reportError));
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Graceful shutdown that is not: if close() rejects, the process dies with an unhandled rejection.
    code: `process.on('SIGTERM', async () => { await save('shutdown'); process.exit(0); });
${api}`,
    errors: [
      {
        messageId: 'listenerIgnored',
        line: 1,
        column: 23,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `process.on('SIGTERM', async () => { try { await save('shutdown'); process.exit(0); } catch (error) { console.error(error); } });
${api}`,
          },
        ],
      },
    ],
  },
  {
    // A listener named, not written in place: reported at the name, no edit of the declaration.
    code: `declare const socket: { on(event: string, listener: (data: string) => void): void };
async function onMessage(data: string) {
  await save(data);
}
socket.on('message', onMessage);
${api}`,
    errors: [{ messageId: 'listenerIgnored', line: 5, column: 22, endColumn: 31, suggestions: [] }],
  },
  {
    code: `setTimeout(async () => {
  await save('late');
}, 1000);
setInterval(async function poll() {
  await save('poll');
}, 5000);
queueMicrotask(async () => save('micro'));
process.nextTick(async () => save('tick'));
${api}`,
    errors: [
      {
        messageId: 'callbackIgnored',
        data: { method: 'setTimeout' },
        line: 1,
        column: 12,
        endColumn: 23,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `setTimeout(async () => {
  try {
    await save('late');
  } catch (error) {
    console.error(error);
  }
}, 1000);
setInterval(async function poll() {
  await save('poll');
}, 5000);
queueMicrotask(async () => save('micro'));
process.nextTick(async () => save('tick'));
${api}`,
          },
        ],
      },
      {
        messageId: 'callbackIgnored',
        data: { method: 'setInterval' },
        line: 4,
        column: 13,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `setTimeout(async () => {
  await save('late');
}, 1000);
setInterval(async function poll() {
  try {
    await save('poll');
  } catch (error) {
    console.error(error);
  }
}, 5000);
queueMicrotask(async () => save('micro'));
process.nextTick(async () => save('tick'));
${api}`,
          },
        ],
      },
      {
        messageId: 'callbackIgnored',
        data: { method: 'queueMicrotask' },
        line: 7,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `setTimeout(async () => {
  await save('late');
}, 1000);
setInterval(async function poll() {
  await save('poll');
}, 5000);
queueMicrotask(async () => save('micro').catch(console.error));
process.nextTick(async () => save('tick'));
${api}`,
          },
        ],
      },
      {
        messageId: 'callbackIgnored',
        data: { method: 'nextTick' },
        line: 8,
        column: 18,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `setTimeout(async () => {
  await save('late');
}, 1000);
setInterval(async function poll() {
  await save('poll');
}, 5000);
queueMicrotask(async () => save('micro'));
process.nextTick(async () => save('tick').catch(console.error));
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Timers imported from node:timers are the same; Node-style callbacks too.
    code: `import { setImmediate } from 'node:timers';
import { readFile } from 'node:fs';
setImmediate(async () => save('now'));
readFile('/etc/hosts', async (error, data) => save(String(data)));
${api}`,
    errors: [
      {
        messageId: 'callbackIgnored',
        data: { method: 'setImmediate' },
        line: 3,
        column: 14,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `import { setImmediate } from 'node:timers';
import { readFile } from 'node:fs';
setImmediate(async () => save('now').catch(console.error));
readFile('/etc/hosts', async (error, data) => save(String(data)));
${api}`,
          },
        ],
      },
      {
        messageId: 'callbackIgnored',
        data: { method: 'readFile' },
        line: 4,
        column: 24,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `import { setImmediate } from 'node:timers';
import { readFile } from 'node:fs';
setImmediate(async () => save('now'));
readFile('/etc/hosts', async (error, data) => save(String(data)).catch(console.error));
${api}`,
          },
        ],
      },
    ],
  },
  {
    // \`catch\` that rethrows, or an await outside the try, still rejects.
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
bus.on('a', async () => {
  try {
    await save('a');
  } catch (error) {
    throw new Error('save failed', { cause: error });
  }
});
bus.on('b', async () => {
  await save('first');
  try {
    await save('b');
  } catch {
    console.error('b failed');
  }
});
${api}`,
    errors: [
      {
        messageId: 'listenerIgnored',
        line: 3,
        column: 13,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
bus.on('a', async () => {
  try {
    try {
      await save('a');
    } catch (error) {
      throw new Error('save failed', { cause: error });
    }
  } catch (error) {
    console.error(error);
  }
});
bus.on('b', async () => {
  await save('first');
  try {
    await save('b');
  } catch {
    console.error('b failed');
  }
});
${api}`,
          },
        ],
      },
      {
        messageId: 'listenerIgnored',
        line: 10,
        column: 13,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
bus.on('a', async () => {
  try {
    await save('a');
  } catch (error) {
    throw new Error('save failed', { cause: error });
  }
});
bus.on('b', async () => {
  try {
    await save('first');
    try {
      await save('b');
    } catch {
      console.error('b failed');
    }
  } catch (error) {
    console.error(error);
  }
});
${api}`,
          },
        ],
      },
    ],
  },
  {
    // A callee in this file that declares a void callback.
    code: `function onRetry(attempts: number, callback: (attempt: number) => void) {
  for (let i = 0; i < attempts; i++) callback(i);
}
onRetry(3, async (attempt) => save(String(attempt)));
${api}`,
    errors: [
      {
        messageId: 'voidArgument',
        line: 4,
        column: 12,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `function onRetry(attempts: number, callback: (attempt: number) => void) {
  for (let i = 0; i < attempts; i++) callback(i);
}
onRetry(3, async (attempt) => save(String(attempt)).catch(console.error));
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Stored or returned where a void function is expected.
    code: `export const onIdle: () => void = async () => save('idle');
export function makeHandler(): (id: string) => void {
  return async (id) => save(id);
}
${api}`,
    errors: [
      {
        messageId: 'voidVariable',
        line: 1,
        column: 35,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `export const onIdle: () => void = async () => save('idle').catch(console.error);
export function makeHandler(): (id: string) => void {
  return async (id) => save(id);
}
${api}`,
          },
        ],
      },
      {
        messageId: 'voidReturnValue',
        line: 3,
        column: 10,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `export const onIdle: () => void = async () => save('idle');
export function makeHandler(): (id: string) => void {
  return async (id) => save(id).catch(console.error);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // The server starts listening whether or not the database connected.
    code: `declare const server: { listen(port: number, ready: () => void): void };
server.listen(3000, async () => {
  await save('connected');
});
${api}`,
    errors: [{ messageId: 'callbackIgnored', data: { method: 'listen' }, line: 2, column: 21, suggestions: [
      {
        messageId: 'suggestCatchInside',
        data: { handler: 'console.error' },
        output: `declare const server: { listen(port: number, ready: () => void): void };
server.listen(3000, async () => {
  try {
    await save('connected');
  } catch (error) {
    console.error(error);
  }
});
${api}`,
      },
    ] }],
  },
  {
    // Allowed callees are matched by name; others stay reported.
    code: `declare const bot: { on(event: string, fn: () => void): void };
declare const bus: { on(event: string, fn: () => void): void };
bot.on('message', async () => save('a'));
bus.on('message', async () => save('b'));
${api}`,
    options: [{ allow: ['bot.on'] }],
    errors: [{ messageId: 'listenerIgnored', line: 4, column: 19 , suggestions: [
      {
        messageId: 'suggestCatchInside',
        data: { handler: 'console.error' },
        output: `declare const bot: { on(event: string, fn: () => void): void };
declare const bus: { on(event: string, fn: () => void): void };
bot.on('message', async () => save('a'));
bus.on('message', async () => save('b').catch(console.error));
${api}`,
      },
    ] }],
  },
  {
    // An object typed by a local interface: the checker reads it, and so does the rule without one.
    code: `interface Hooks { onError(error: Error): void; onDone: () => void }
export const hooks: Hooks = {
  async onError(error) {
    await save(error.message);
  },
  onDone: async () => save('done'),
};
${api}`,
    errors: [
      { messageId: 'voidProperty', data: { name: 'onError' }, line: 3, column: 3, endColumn: 17, suggestions: [
        {
          messageId: 'suggestCatchInside',
          data: { handler: 'console.error' },
          output: `interface Hooks { onError(error: Error): void; onDone: () => void }
export const hooks: Hooks = {
  async onError(error) {
    try {
      await save(error.message);
    } catch (error) {
      console.error(error);
    }
  },
  onDone: async () => save('done'),
};
${api}`,
        },
      ] },
      { messageId: 'voidProperty', data: { name: 'onDone' }, line: 6, column: 11, suggestions: [
        {
          messageId: 'suggestCatchInside',
          data: { handler: 'console.error' },
          output: `interface Hooks { onError(error: Error): void; onDone: () => void }
export const hooks: Hooks = {
  async onError(error) {
    await save(error.message);
  },
  onDone: async () => save('done').catch(console.error),
};
${api}`,
        },
      ] },
    ],
  },
  {
    // Overriding a method its base declares \`void\`: callers through the base drop the promise.
    code: `interface Listener {
  handle(event: string): void;
}
export class AuditListener implements Listener {
  async handle(event: string): Promise<void> {
    await save(event);
  }
  static async create(): Promise<AuditListener> {
    return new AuditListener();
  }
}
abstract class Job {
  abstract run(): void;
  cleanup = (): void => {};
}
export class ImportJob extends Job {
  async run() {
    await save('import');
  }
  cleanup = async () => save('cleanup');
}
${api}`,
    errors: [
      { messageId: 'voidInheritedMethod', data: { name: 'handle', base: 'Listener' }, line: 5, column: 3, endColumn: 15 },
      { messageId: 'voidInheritedMethod', data: { name: 'run', base: 'Job' }, line: 17, column: 3, endColumn: 12 },
      { messageId: 'voidInheritedMethod', data: { name: 'cleanup', base: 'Job' }, line: 20, column: 3, endColumn: 10 },
    ],
  },
  {
    // \`using\` calls Symbol.dispose and moves on: the connection is still closing.
    code: `export function openConnection() {
  return {
    async [Symbol.dispose]() {
      await save('closed');
    },
  };
}
export class Lock {
  async [Symbol.dispose]() {
    await save('released');
  }
}
${api}`,
    errors: [
      { messageId: 'asyncDispose', line: 3, column: 5, endColumn: 28 },
      { messageId: 'asyncDispose', line: 9, column: 3, endColumn: 26 },
    ],
  },
  {
    // Spread into a rest parameter of void callbacks.
    code: `function onShutdown(...hooks: Array<() => void>) {
  process.once('beforeExit', () => hooks.forEach((hook) => hook()));
}
const hooks = [async () => save('a'), async () => save('b')];
onShutdown(...hooks);
${api}`,
    errors: [{ messageId: 'voidArgument', line: 5, column: 15, endColumn: 20 }],
  },
  {
    // Props of a component declared in this file; a member assigned on an annotated object.
    code: `function Modal(props: { onClose: () => void; title: string }) {
  return <dialog onClick={props.onClose}>{props.title}</dialog>;
}
export const view = <Modal title="Save" onClose={async () => save('closed')} />;
const handlers: { onReady?: () => void } = {};
handlers.onReady = async () => save('ready');
${api}`,
    filename: 'react.tsx',
    errors: [
      { messageId: 'jsxHandlerIgnored', data: { name: 'onClose' }, line: 4, column: 50, suggestions: [
        {
          messageId: 'suggestCatchInside',
          data: { handler: 'console.error' },
          output: `function Modal(props: { onClose: () => void; title: string }) {
  return <dialog onClick={props.onClose}>{props.title}</dialog>;
}
export const view = <Modal title="Save" onClose={async () => save('closed').catch(console.error)} />;
const handlers: { onReady?: () => void } = {};
handlers.onReady = async () => save('ready');
${api}`,
        },
      ] },
      { messageId: 'voidVariable', line: 6, column: 20, suggestions: [
        {
          messageId: 'suggestCatchInside',
          data: { handler: 'console.error' },
          output: `function Modal(props: { onClose: () => void; title: string }) {
  return <dialog onClick={props.onClose}>{props.title}</dialog>;
}
export const view = <Modal title="Save" onClose={async () => save('closed')} />;
const handlers: { onReady?: () => void } = {};
handlers.onReady = async () => save('ready').catch(console.error);
${api}`,
        },
      ] },
    ],
  },
  {
    // An options object handed to a function declared in this file.
    code: `interface QueueOptions {
  onFailed: (jobId: string) => void;
}
function createQueue(options: QueueOptions) {
  return options;
}
export const queue = createQueue({ onFailed: async (jobId) => save(jobId) });
${api}`,
    errors: [{ messageId: 'voidProperty', data: { name: 'onFailed' }, line: 7, column: 46, suggestions: [
      {
        messageId: 'suggestCatchInside',
        data: { handler: 'console.error' },
        output: `interface QueueOptions {
  onFailed: (jobId: string) => void;
}
function createQueue(options: QueueOptions) {
  return options;
}
export const queue = createQueue({ onFailed: async (jobId) => save(jobId).catch(console.error) });
${api}`,
      },
    ] }],
  },
  {
    // A callback that returns a promise on one path only: that promise is still dropped.
    code: `function onRow(handle: (row: string) => void) {
  handle('a');
}
onRow((row) => {
  if (!row) return;
  return save(row);
});
${api}`,
    errors: [{ messageId: 'voidArgument', line: 4, column: 7, endColumn: 15, suggestions: [] }],
  },
];

/** JSX handlers (typescript-eslint #4619): reported only when the handler catches nothing itself. */
const jsxValid: Valid[] = [
  {
    code: `
export function SaveButton({ id }: { id: string }) {
  return (
    <button
      onClick={async () => {
        try {
          await save(id);
        } catch (error) {
          console.error(error);
        }
      }}
    >
      Save
    </button>
  );
}
${api}`,
    filename: 'react.tsx',
  },
  {
    code: `
export function SaveLink({ id }: { id: string }) {
  const onClick = () => save(id).catch((error: unknown) => console.error(error));
  return <a onClick={onClick}>Save</a>;
}
${api}`,
    filename: 'react.tsx',
  },
  {
    code: `
export function SaveForm({ id }: { id: string }) {
  return <form onSubmit={async () => save(id)}>Save</form>;
}
${api}`,
    filename: 'react.tsx',
    options: [{ checkJsxAttributes: false }],
  },
  {
    // Not an event handler: a render prop that returns a value.
    code: `
declare function List(props: { render: (id: string) => unknown }): null;
export const view = <List render={(id) => id.toUpperCase()} />;
`,
    filename: 'react.tsx',
  },
  {
    // Allowed by attribute name (a form library that awaits onSubmit).
    code: `
export const form = <form onSubmit={async () => save('a')}>Save</form>;
${api}`,
    filename: 'react.tsx',
    options: [{ allow: ['onSubmit'] }],
  },
];

const jsxInvalid: Invalid[] = [
  {
    code: `export function SaveButton({ id }: { id: string }) {
  return <button onClick={async () => {
    await save(id);
  }}>Save</button>;
}
${api}`,
    filename: 'react.tsx',
    errors: [
      {
        messageId: 'jsxHandlerIgnored',
        data: { name: 'onClick' },
        line: 2,
        column: 27,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `export function SaveButton({ id }: { id: string }) {
  return <button onClick={async () => {
    try {
      await save(id);
    } catch (error) {
      console.error(error);
    }
  }}>Save</button>;
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export function Toolbar({ id }: { id: string }) {
  const handleSave = async () => {
    await save(id);
  };
  return <button onClick={handleSave}>Save</button>;
}
${api}`,
    filename: 'react.tsx',
    errors: [{ messageId: 'jsxHandlerIgnored', data: { name: 'onClick' }, line: 5, column: 27, endColumn: 37, suggestions: [] }],
  },
  {
    // An effect must return a cleanup function or nothing; catching inside does not change that.
    code: `import { useEffect } from 'react';
export function Profile({ id }: { id: string }) {
  useEffect(async () => {
    try {
      await save(id);
    } catch (error) {
      console.error(error);
    }
  }, [id]);
  return null;
}
${api}`,
    filename: 'react.tsx',
    errors: [
      {
        messageId: 'effectReturnsPromise',
        data: { name: 'useEffect' },
        line: 3,
        column: 13,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'suggestAsyncInsideEffect',
            data: { handler: 'console.error' },
            output: `import { useEffect } from 'react';
export function Profile({ id }: { id: string }) {
  useEffect(() => { (async () => {
    try {
      await save(id);
    } catch (error) {
      console.error(error);
    }
  })().catch(console.error); }, [id]);
  return null;
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // DOM-style handler properties: the host calls them and drops the promise.
    code: `export function connect(url: string) {
  const socket = new WebSocket(url);
  socket.onmessage = async (event: MessageEvent) => save(String(event.data));
  socket.onerror = async () => {
    try {
      await save('error');
    } catch {
      console.error('could not record the error');
    }
  };
  return socket;
}
${api}`,
    errors: [
      {
        messageId: 'handlerPropertyIgnored',
        data: { name: 'onmessage' },
        line: 3,
        column: 22,
        suggestions: [
          {
            messageId: 'suggestCatchInside',
            data: { handler: 'console.error' },
            output: `export function connect(url: string) {
  const socket = new WebSocket(url);
  socket.onmessage = async (event: MessageEvent) => save(String(event.data)).catch(console.error);
  socket.onerror = async () => {
    try {
      await save('error');
    } catch {
      console.error('could not record the error');
    }
  };
  return socket;
}
${api}`,
          },
        ],
      },
    ],
  },
];

/** Plain JavaScript through ESLint's default parser, as JS-only users run it. */
const javascript = {
  valid: [
    {
      code: `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
async function save(id) { if (!id) throw new Error('no id'); }
bus.on('save', (id) => { save(id).catch(console.error); });
module.exports = async function saveAll(ids) {
  for (const id of ids) await save(id);
};
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
    },
    {
      // Classes in plain JavaScript (espree gives them no \`implements\` list): no written types, nothing to compare.
      code: `
class Job { run() {} }
class ImportJob extends Job {
  async run() { await Promise.resolve(); }
}
module.exports = { ImportJob, Anonymous: class extends Job { async run() {} } };
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
    },
    {
      // An async reducer that chains on its accumulator, in an ES module.
      code: `
export function runInOrder(tasks) {
  return tasks.reduce((previous, task) => previous.then(() => task()), Promise.resolve());
}
export const ready = Promise.all([1, 2].map(async (n) => n * 2));
`,
      languageOptions: { parser: espree, sourceType: 'module' as const },
    },
  ],
  invalid: [
    {
      code: `const { EventEmitter } = require('events');
const bus = new EventEmitter();
async function save(id) { if (!id) throw new Error('no id'); }
bus.on('save', async function (id) { await save(id); });
module.exports = function saveAll(ids) {
  ids.forEach(async (id) => { await save(id); });
};
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
      errors: [
        {
          messageId: 'listenerIgnored' as const,
          line: 4,
          column: 16,
          suggestions: [
            {
              messageId: 'suggestCatchInside' as const,
              data: { handler: 'console.error' },
              output: `const { EventEmitter } = require('events');
const bus = new EventEmitter();
async function save(id) { if (!id) throw new Error('no id'); }
bus.on('save', async function (id) { try { await save(id); } catch (error) { console.error(error); } });
module.exports = function saveAll(ids) {
  ids.forEach(async (id) => { await save(id); });
};
`,
            },
          ],
        },
        { messageId: 'forEachNotAwaited' as const, line: 6, column: 15, suggestions: [] },
      ],
    },
    {
      // Node-style callbacks through require, and an async predicate, in CommonJS.
      code: `const fs = require('fs');
async function isFresh(name) { return name.endsWith('.json'); }
fs.readdir('/tmp', async (error, names) => {
  const fresh = names.filter(async (name) => isFresh(name));
  console.log(fresh);
});
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
      errors: [
        { messageId: 'callbackIgnored' as const, data: { method: 'readdir' }, line: 3, column: 20, suggestions: [
          {
            messageId: 'suggestCatchInside' as const,
            data: { handler: 'console.error' },
            output: `const fs = require('fs');
async function isFresh(name) { return name.endsWith('.json'); }
fs.readdir('/tmp', async (error, names) => {
  try {
    const fresh = names.filter(async (name) => isFresh(name));
    console.log(fresh);
  } catch (error) {
    console.error(error);
  }
});
`,
          },
        ] },
        { messageId: 'predicateIsPromise' as const, line: 4, column: 30 },
      ],
    },
    {
      // A browser script: a timer and a DOM listener.
      code: `async function sync() { throw new Error('offline'); }
setInterval(async () => { await sync(); }, 1000);
document.querySelector('form').addEventListener('submit', async (event) => { event.preventDefault(); await sync(); });
`,
      languageOptions: { parser: espree, sourceType: 'script' as const },
      errors: [
        { messageId: 'callbackIgnored' as const, line: 2, column: 13, suggestions: [
          {
            messageId: 'suggestCatchInside' as const,
            data: { handler: 'console.error' },
            output: `async function sync() { throw new Error('offline'); }
setInterval(async () => { try { await sync(); } catch (error) { console.error(error); } }, 1000);
document.querySelector('form').addEventListener('submit', async (event) => { event.preventDefault(); await sync(); });
`,
          },
        ] },
        { messageId: 'listenerIgnored' as const, line: 3, column: 59, suggestions: [
          {
            messageId: 'suggestCatchInside' as const,
            data: { handler: 'console.error' },
            output: `async function sync() { throw new Error('offline'); }
setInterval(async () => { await sync(); }, 1000);
document.querySelector('form').addEventListener('submit', async (event) => { try { event.preventDefault(); await sync(); } catch (error) { console.error(error); } });
`,
          },
        ] },
      ],
    },
  ],
};

/**
 * The modes differ here on purpose. With types, a callee that declares it
 * accepts a promise-returning callback is believed (it may wait); without
 * them, the listener method's name decides. And the checker sees callees
 * syntax cannot: methods of interfaces, generic instantiations, object
 * literals typed by an annotation.
 */
const typedOnlyValid: Valid[] = [
  // The declared listener type returns a promise: this emitter awaits its listeners.
  `
declare const queue: { on(event: string, listener: (job: string) => Promise<void>): void };
queue.on('job', async (job) => save(job));
${api}`,
];

const typedOnlyInvalid: Invalid[] = [
  {
    code: `declare const worker: { process(handler: (job: string) => void): void };
worker.process(async (job) => save(job));
${api}`,
    errors: [{ messageId: 'voidArgument', line: 2, column: 16, suggestions: [
      {
        messageId: 'suggestCatchInside',
        data: { handler: 'console.error' },
        output: `declare const worker: { process(handler: (job: string) => void): void };
worker.process(async (job) => save(job).catch(console.error));
${api}`,
      },
    ] }],
  },
  {
    // A generic instantiated with a void function type.
    code: `declare function memo<T extends (...args: never[]) => unknown>(fn: T): T;
export const onTick = memo<() => void>(async () => save('tick'));
${api}`,
    errors: [{ messageId: 'voidArgument', line: 2, column: 40, suggestions: [
      {
        messageId: 'suggestCatchInside',
        data: { handler: 'console.error' },
        output: `declare function memo<T extends (...args: never[]) => unknown>(fn: T): T;
export const onTick = memo<() => void>(async () => save('tick').catch(console.error));
${api}`,
      },
    ] }],
  },
];

/** Without types the name decides: `on` is a listener method. */
const untypedOnlyInvalid: Invalid[] = [
  {
    code: `declare const queue: { on(event: string, listener: (job: string) => Promise<void>): void };
queue.on('job', async (job) => save(job));
${api}`,
    errors: [{ messageId: 'listenerIgnored', line: 2, column: 17, suggestions: [
      {
        messageId: 'suggestCatchInside',
        data: { handler: 'console.error' },
        output: `declare const queue: { on(event: string, listener: (job: string) => Promise<void>): void };
queue.on('job', async (job) => save(job).catch(console.error));
${api}`,
      },
    ] }],
  },
];

const untypedOnlyValid: Valid[] = typedOnlyInvalid.map(({ code }) => code);

createRuleTester({ typed: false }).run('no-misused-async-callback (untyped)', rule, {
  valid: cloneCases([...valid, ...jsxValid, ...untypedOnlyValid]),
  invalid: cloneCases([...invalid, ...jsxInvalid, ...untypedOnlyInvalid]),
});

createRuleTester({ typed: true }).run('no-misused-async-callback (typed)', rule, {
  valid: cloneCases([...valid, ...jsxValid, ...typedOnlyValid]),
  invalid: cloneCases([...invalid, ...jsxInvalid, ...typedOnlyInvalid]),
});

createRuleTester({ typed: false }).run('no-misused-async-callback (JavaScript)', rule, javascript);
