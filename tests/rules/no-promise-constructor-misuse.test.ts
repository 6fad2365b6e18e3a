import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule, { type MessageIds, type Options } from '../../rules/no-promise-constructor-misuse.js';
import { cloneCases, createRuleTester } from '../rule-tester.js';

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;

/** An async API written in the same file, so that both modes know it returns a promise. */
const api = `
async function fetchJson(url: string): Promise<{ rows: string[] }> {
  const response = await fetch(url);
  return (await response.json()) as { rows: string[] };
}
`;

const valid: Valid[] = [
  // Triage (puppeteer's addStyleTag): \`resolve\` and \`reject\` were handed to listeners before the
  // return, which is only pointless: the promise settles when the element loads.
  `
export function addStyle(url: string) {
  return new Promise<HTMLLinkElement>((resolve, reject) => {
    const link = document.createElement('link');
    link.href = url;
    link.addEventListener('load', () => resolve(link), { once: true });
    link.addEventListener('error', () => reject(new Error('Could not load style')), { once: true });
    document.head.appendChild(link);
    return link;
  });
}
`,
  // Wrapping a callback API: the reason `new Promise` exists.
  `import { readFile } from 'node:fs';
export function readText(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    readFile(path, 'utf8', (error, text) => {
      if (error) {
        reject(error);
        return;
      }
      resolve(text);
    });
  });
}
`,
  // `return reject(...)` is the early-exit idiom, not a returned result.
  `import { readFile } from 'node:fs';
export function readJson(path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    readFile(path, 'utf8', (error, text) => {
      if (error) return reject(error);
      try {
        resolve(JSON.parse(text));
      } catch (parseError) {
        reject(parseError);
      }
    });
  });
}
`,
  // Timers and events: expression bodies that pass `resolve` on.
  `import { EventEmitter } from 'node:events';
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const timeout = (ms: number) =>
  new Promise<never>((_, reject) => setTimeout(() => reject(new Error(\`timed out after \${String(ms)} ms\`)), ms));
export function nextEvent(emitter: EventEmitter, name: string) {
  return new Promise((resolve) => emitter.once(name, resolve));
}
export const tick = () => new Promise<void>((resolve) => void setImmediate(resolve));
`,
  // Branches that each settle once.
  `export function check(status: number): Promise<number> {
  return new Promise((resolve, reject) => {
    if (status >= 400) {
      reject(new Error(\`HTTP \${String(status)}\`));
    } else {
      resolve(status);
    }
  });
}
export function kind(code: string): Promise<string> {
  return new Promise((resolve, reject) => {
    switch (code) {
      case 'a':
        resolve('alpha');
        break;
      case 'b':
        resolve('beta');
        break;
      default:
        reject(new Error(code));
    }
  });
}
`,
  // Each handler settles once; which one runs first is up to the stream.
  `import type { Readable } from 'node:stream';
export function collect(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
`,
  // A request table and a queue of waiters are resolvers kept on purpose (an RPC client, a semaphore).
  `const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
let nextId = 0;
export function call(send: (id: number) => void): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    send(id);
  });
}
const waiters: (() => void)[] = [];
export function acquire(): Promise<void> {
  return new Promise((resolve) => {
    waiters.push(resolve);
  });
}
`,
  // The modern deferred.
  `const { promise: ready, resolve: markReady } = Promise.withResolvers<void>();
export { ready, markReady };
`,
  // The executor adds work of its own around the inner promise: not a mere re-wrap.
  `export function firstActive(load: () => Promise<{ active: boolean; id: string }[]>): Promise<string> {
  return new Promise((resolve, reject) => {
    load().then((users) => {
      const active = users.find((user) => user.active);
      if (active) resolve(active.id);
      else reject(new Error('nobody is active'));
    }, reject);
  });
}
export function withCleanup(job: Promise<string>, cleanup: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    job.then(resolve, (error: unknown) => {
      cleanup();
      reject(error);
    });
  });
}
`,
  // A race: every task forwards to the same resolvers, and the first to settle wins by design.
  `export function race(tasks: Promise<string>[]): Promise<string> {
  return new Promise((resolve, reject) => {
    for (const task of tasks) {
      task.then(resolve, reject);
    }
  });
}
`,
  // Another `Promise` (a local class) and executors written elsewhere are not judged.
  `class Promise<T> {
  constructor(readonly run: (done: (value: T) => void) => unknown) {}
}
export const custom = new Promise<number>(async (done) => done(1));
`,
  `declare const executor: (resolve: (value: number) => void) => void;
export const elsewhere = new globalThis.Promise<number>(executor);
`,
  // `return undefined` and `return void ...` say "nothing" on purpose.
  `export function ping(send: (done: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    if (!send) return undefined;
    return void send(resolve);
  });
}
`,
  // A `withResolvers` helper (where the target lacks `Promise.withResolvers`) hands the resolvers to its caller on purpose.
  `export function promiseWithResolvers<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject } as const;
}
`,
  // The same, with the resolvers attached to the returned promise (vitest's `createDefer`).
  `export function createDefer<T>() {
  let resolve: ((value: T) => void) | undefined;
  const promise = new Promise<T>((res) => {
    resolve = res;
  }) as Promise<T> & { resolve?: (value: T) => void };
  promise.resolve = resolve;
  return promise;
}
`,
  // Event handlers and objects the executor makes itself are no deferred.
  `export function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = reject;
    image.src = src;
  });
}
export function closed(socket: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    socket.onclose = () => resolve();
  });
}
`,
  // Returning after settling is pointless but harmless: the promise is settled already.
  `export function settle(value: number): Promise<number> {
  return new Promise((resolve) => {
    resolve(value);
    return value;
  });
}
`,
  // A promise that never settles on purpose says so: no parameter, or an `_` name.
  `export const forever = new Promise<never>(() => {});
export const parked = new Promise<void>((_resolve) => {
  console.log('parked until the process exits');
});
`,
  // A resolver kept in a local variable of the executor does not escape it.
  `export function delayed(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = resolve;
    setTimeout(done, ms);
  });
}
`,
  // Resolvers stored outside the executor: a deliberate deferred, not reported by default (`recommended`)...
  `let resolveReady: () => void;
export const ready = new Promise<void>((resolve) => {
  resolveReady = resolve;
});
export const markReady = () => resolveReady();
`,
  // ...nor with leak checks turned off explicitly.
  {
    code: `export class Deferred<T> {
  readonly promise: Promise<T>;
  resolve!: (value: T) => void;
  constructor() {
    this.promise = new Promise<T>((resolve) => {
      this.resolve = resolve;
    });
  }
}
`,
    options: [{ checkResolverLeaks: false }],
  },
];

const invalid: Invalid[] = [
  {
    // Nothing settles the promise before this return: it stays pending.
    code: `export function waitForLoad(element: { addEventListener(type: string, cb: () => void): void }) {
  return new Promise((resolve) => {
    if (!element) return element;
    element.addEventListener('load', () => resolve(element));
  });
}
`,
    errors: [{ messageId: 'executorReturn', line: 3, column: 26, suggestions: [{ messageId: 'suggestResolve', output: `export function waitForLoad(element: { addEventListener(type: string, cb: () => void): void }) {
  return new Promise((resolve) => {
    if (!element) return resolve(element);
    element.addEventListener('load', () => resolve(element));
  });
}
` }] }],
  },
  {
    // A throw in an async executor rejects a promise nobody sees; this one never settles.
    code: `export function readConfig(text: string): Promise<{ port: number }> {
  return new Promise(async (resolve) => {
    const parsed = JSON.parse(text) as { port: number };
    resolve(parsed);
  });
}
`,
    errors: [
      {
        messageId: 'asyncExecutor',
        line: 2,
        column: 22,
        suggestions: [
          {
            messageId: 'suggestRemoveAsync',
            output: `export function readConfig(text: string): Promise<{ port: number }> {
  return new Promise((resolve) => {
    const parsed = JSON.parse(text) as { port: number };
    resolve(parsed);
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    // It awaits: dropping `async` would not parse, so nothing is suggested.
    code: `export function loadRows(url: string) {
  return new Promise<string[]>(async (resolve, reject) => {
    try {
      const body = await fetchJson(url);
      resolve(body.rows);
    } catch (error) {
      reject(error);
    }
  });
}
${api}`,
    errors: [
      {
        messageId: 'asyncExecutor',
        line: 2,
        column: 32,
        suggestions: [],
      },
    ],
  },
  {
    code: `export const ready = new Promise<void>(async function (resolve) {
  resolve();
});
`,
    errors: [
      {
        messageId: 'asyncExecutor',
        line: 1,
        column: 40,
        suggestions: [
          {
            messageId: 'suggestRemoveAsync',
            output: `export const ready = new Promise<void>(function (resolve) {
  resolve();
});
`,
          },
        ],
      },
    ],
  },
  {
    // The explicit-construction antipattern.
    code: `export function getRows(url: string) {
  return new Promise((resolve, reject) => {
    fetchJson(url).then(resolve, reject);
  });
}
${api}`,
    errors: [
      {
        messageId: 'wrappedPromise',
        line: 2,
        column: 10,
        suggestions: [
          {
            messageId: 'suggestInnerPromise',
            output: `export function getRows(url: string) {
  return fetchJson(url);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export function getRows(url: string) {
  return new Promise((resolve, reject) => fetchJson(url).then(resolve).catch(reject));
}
${api}`,
    errors: [
      {
        messageId: 'wrappedPromise',
        line: 2,
        column: 10,
        suggestions: [
          {
            messageId: 'suggestInnerPromise',
            output: `export function getRows(url: string) {
  return fetchJson(url);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export function getRows(url: string) {
  return new Promise(function (resolve, reject) {
    fetchJson(url)
      .then((body) => resolve(body))
      .catch((error) => reject(error));
  });
}
${api}`,
    errors: [
      {
        messageId: 'wrappedPromise',
        line: 2,
        column: 10,
        suggestions: [
          {
            messageId: 'suggestInnerPromise',
            output: `export function getRows(url: string) {
  return fetchJson(url);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // A transformed value: the suggestion keeps the transformation.
    code: `export function firstRow(url: string) {
  return new Promise<string | undefined>((resolve, reject) => {
    fetchJson(url).then((body) => resolve(body.rows[0]), reject);
  });
}
${api}`,
    errors: [
      {
        messageId: 'wrappedPromise',
        line: 2,
        column: 10,
        suggestions: [
          {
            messageId: 'suggestInnerPromise',
            output: `export function firstRow(url: string) {
  return fetchJson(url).then((body) => body.rows[0]);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // No `reject`: a failed fetch is an unhandled rejection and the caller waits forever.
    code: `export function rowCount(url: string): Promise<number> {
  return new Promise((resolve) => {
    fetchJson(url).then((body) => {
      resolve(body.rows.length);
    });
  });
}
${api}`,
    errors: [
      {
        messageId: 'wrappedPromiseLosesRejection',
        line: 2,
        column: 10,
        suggestions: [
          {
            messageId: 'suggestInnerPromise',
            output: `export function rowCount(url: string): Promise<number> {
  return fetchJson(url).then((body) => body.rows.length);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Work before the chain would have to move: reported, nothing suggested.
    code: `export function getRows(url: string) {
  return new Promise((resolve, reject) => {
    console.log('loading', url);
    fetchJson(url).then(resolve, reject);
  });
}
${api}`,
    errors: [
      {
        messageId: 'wrappedPromise',
        line: 2,
        column: 10,
        suggestions: [],
      },
    ],
  },
  {
    code: `declare const pending: Promise<string>;
export const copy = new Promise((resolve, reject) => {
  pending.then(resolve, reject);
});
`,
    errors: [
      {
        messageId: 'wrappedPromise',
        line: 2,
        column: 21,
        suggestions: [
          {
            messageId: 'suggestInnerPromise',
            output: `declare const pending: Promise<string>;
export const copy = pending;
`,
          },
        ],
      },
    ],
  },
  {
    // The same promise forwarded in two statements.
    code: `declare const pending: Promise<string>;
export const copy = new Promise<string>((resolve, reject) => {
  pending.then(resolve);
  pending.catch(reject);
});
`,
    errors: [
      {
        messageId: 'wrappedPromise',
        line: 2,
        column: 21,
        suggestions: [
          {
            messageId: 'suggestInnerPromise',
            output: `declare const pending: Promise<string>;
export const copy = pending;
`,
          },
        ],
      },
    ],
  },
  {
    // The cached value is returned, not resolved: a cache hit never settles.
    code: `const cache = new Map<string, string>();
export function lookup(key: string): Promise<string> {
  return new Promise((resolve) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    setTimeout(() => {
      cache.set(key, key.toUpperCase());
      resolve(key.toUpperCase());
    }, 10);
  });
}
`,
    errors: [
      {
        messageId: 'executorReturn',
        line: 5,
        column: 35,
        suggestions: [
          {
            messageId: 'suggestResolve',
            output: `const cache = new Map<string, string>();
export function lookup(key: string): Promise<string> {
  return new Promise((resolve) => {
    const hit = cache.get(key);
    if (hit !== undefined) return resolve(hit);
    setTimeout(() => {
      cache.set(key, key.toUpperCase());
      resolve(key.toUpperCase());
    }, 10);
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    code: `export function compute(values: number[]): Promise<number> {
  return new Promise((resolve) => values.reduce((sum, value) => sum + value, 0));
}
`,
    errors: [
      {
        messageId: 'executorReturn',
        line: 2,
        column: 35,
        suggestions: [
          {
            messageId: 'suggestResolve',
            output: `export function compute(values: number[]): Promise<number> {
  return new Promise((resolve) => resolve(values.reduce((sum, value) => sum + value, 0)));
}
`,
          },
        ],
      },
    ],
  },
  {
    code: `export function load(url: string) {
  return new Promise(() => fetchJson(url));
}
${api}`,
    errors: [
      {
        messageId: 'executorReturn',
        line: 2,
        column: 28,
        suggestions: [],
      },
    ],
  },
  {
    // A cleanup function is an effect habit: `new Promise` ignores it too.
    code: `export function delay(ms: number) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    return () => clearTimeout(timer);
  });
}
`,
    errors: [
      {
        messageId: 'executorReturn',
        line: 4,
        column: 12,
        suggestions: [],
      },
    ],
  },
  {
    // The timer logs but never resolves: `await warmUp()` hangs.
    code: `export function warmUp(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(() => console.log('warm'), 10);
  });
}
`,
    errors: [{ messageId: 'neverSettles', line: 2, column: 23, suggestions: [] }],
  },
  {
    // After `reject`, `JSON.parse(undefined)` throws inside the callback: an uncaught exception.
    code: `import { readFile } from 'node:fs';
export function readJson(path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    readFile(path, 'utf8', (error, text) => {
      if (error) reject(error);
      resolve(JSON.parse(text));
    });
  });
}
`,
    errors: [
      {
        messageId: 'settledTwice',
        line: 6,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestReturnAfterSettle',
            output: `import { readFile } from 'node:fs';
export function readJson(path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    readFile(path, 'utf8', (error, text) => {
      if (error) return reject(error);
      resolve(JSON.parse(text));
    });
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    code: `export function positive(value: number): Promise<number> {
  return new Promise((resolve, reject) => {
    if (value < 0) {
      reject(new RangeError('negative'));
    }
    resolve(value);
  });
}
`,
    errors: [
      {
        messageId: 'settledTwice',
        line: 6,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestReturnAfterSettle',
            output: `export function positive(value: number): Promise<number> {
  return new Promise((resolve, reject) => {
    if (value < 0) {
      return reject(new RangeError('negative'));
    }
    resolve(value);
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    // Two earlier calls can reach it: nothing to suggest in one place.
    code: `export function classify(code: number): Promise<string> {
  return new Promise((res, rej) => {
    if (code >= 500) rej(new Error('server'));
    else if (code >= 400) rej(new Error('client'));
    res('ok');
  });
}
`,
    errors: [
      {
        messageId: 'settledTwice',
        line: 5,
        column: 5,
        suggestions: [],
      },
    ],
  },
  {
    code: `import { spawn } from 'node:child_process';
export function run(command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) {
        reject(new Error(\`\${command} exited with \${String(code)}\`));
      }
      resolve();
    });
  });
}
`,
    errors: [
      {
        messageId: 'settledTwice',
        line: 10,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestReturnAfterSettle',
            output: `import { spawn } from 'node:child_process';
export function run(command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) {
        return reject(new Error(\`\${command} exited with \${String(code)}\`));
      }
      resolve();
    });
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    code: `export function firstEven(values: number[]): Promise<number> {
  return new Promise((resolve, reject) => {
    for (const value of values) {
      if (value % 2 === 0) {
        resolve(value);
        break;
      }
    }
    reject(new Error('no even value'));
  });
}
`,
    errors: [
      {
        messageId: 'settledTwice',
        line: 9,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestReturnAfterSettle',
            output: `export function firstEven(values: number[]): Promise<number> {
  return new Promise((resolve, reject) => {
    for (const value of values) {
      if (value % 2 === 0) {
        resolve(value);
        return;
      }
    }
    reject(new Error('no even value'));
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    // A hand-made deferred: if the code that should call `resolveReady` throws first, `ready` hangs forever.
    code: `let resolveReady: () => void;
export const ready = new Promise<void>((resolve) => {
  resolveReady = resolve;
});
export function onConfig(text: string) {
  JSON.parse(text);
  resolveReady();
}
`,
    options: [{ checkResolverLeaks: true }],
    errors: [
      {
        messageId: 'leakedResolver',
        line: 3,
        column: 3,
        suggestions: [],
      },
    ],
  },
  {
    code: `let resolveReady: () => void;
let rejectReady: (error: unknown) => void;
const ready = new Promise<void>((resolve, reject) => {
  resolveReady = resolve;
  rejectReady = reject;
});
export function start(ok: boolean) {
  if (ok) resolveReady();
  else rejectReady(new Error('failed'));
  return ready;
}
`,
    options: [{ checkResolverLeaks: true, withResolvers: 'always' }],
    errors: [
      {
        messageId: 'leakedResolver',
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestWithResolvers',
            output: `const { promise: ready, resolve: resolveReady, reject: rejectReady } = Promise.withResolvers<void>();
export function start(ok: boolean) {
  if (ok) resolveReady();
  else rejectReady(new Error('failed'));
  return ready;
}
`,
          },
        ],
      },
    ],
  },
  {
    code: `export class Deferred<T> {
  readonly promise: Promise<T>;
  resolve!: (value: T) => void;
  reject!: (error: unknown) => void;
  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
}
`,
    options: [{ checkResolverLeaks: true }],
    errors: [
      {
        messageId: 'leakedResolver',
        line: 7,
        column: 7,
        suggestions: [],
      },
    ],
  },
];

/** The checker sees the promise behind a declared type; syntax alone does not, and wraps it in `Promise.resolve`. */
const wrappedUnknownInner = `declare const api: Record<string, () => Promise<string>>;
export function refresh() {
  return new Promise((resolve, reject) => {
    api.refresh().then(resolve, reject);
  });
}
`;

const typedOnlyInvalid: Invalid[] = [
  {
    code: wrappedUnknownInner,
    errors: [
      {
        messageId: 'wrappedPromise',
        line: 3,
        column: 10,
        suggestions: [
          {
            messageId: 'suggestInnerPromise',
            output: `declare const api: Record<string, () => Promise<string>>;
export function refresh() {
  return api.refresh();
}
`,
          },
        ],
      },
    ],
  },
  {
    // `auto`: the lib in use declares `Promise.withResolvers` (here by augmentation; ES2024 in real projects).
    code: `declare global {
  interface PromiseConstructor {
    withResolvers<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason?: unknown) => void };
  }
}
let resolveReady: (value: string) => void;
const ready = new Promise<string>((resolve) => {
  resolveReady = resolve;
});
export function start(name: string) {
  resolveReady(name);
  return ready;
}
`,
    options: [{ checkResolverLeaks: true }],
    errors: [
      {
        messageId: 'leakedResolver',
        line: 8,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestWithResolvers',
            output: `declare global {
  interface PromiseConstructor {
    withResolvers<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason?: unknown) => void };
  }
}
const { promise: ready, resolve: resolveReady } = Promise.withResolvers<string>();
export function start(name: string) {
  resolveReady(name);
  return ready;
}
`,
          },
        ],
      },
    ],
  },
];

const untypedOnlyInvalid: Invalid[] = [
  {
    // Without types `api.refresh()` may be any thenable: `Promise.resolve` assimilates it as the wrapper did.
    code: wrappedUnknownInner,
    errors: [
      {
        messageId: 'wrappedPromise',
        line: 3,
        column: 10,
        suggestions: [
          {
            messageId: 'suggestInnerPromise',
            output: `declare const api: Record<string, () => Promise<string>>;
export function refresh() {
  return Promise.resolve(api.refresh());
}
`,
          },
        ],
      },
    ],
  },
  {
    // Without types `auto` cannot know the target: the leak is reported, `withResolvers` not offered.
    code: `let resolveReady: () => void;
const ready = new Promise<void>((resolve) => {
  resolveReady = resolve;
});
export function start() {
  resolveReady();
  return ready;
}
`,
    options: [{ checkResolverLeaks: true }],
    errors: [{ messageId: 'leakedResolver', line: 3, column: 3, suggestions: [] }],
  },
];

/** The same leak with `withResolvers: 'never'`: never offered, in either mode. */
const optionCases: Invalid[] = [
  {
    code: `let resolveReady: () => void;
const ready = new Promise<void>((resolve) => {
  resolveReady = resolve;
});
export function start() {
  resolveReady();
  return ready;
}
`,
    options: [{ checkResolverLeaks: true, withResolvers: 'never' }],
    errors: [{ messageId: 'leakedResolver', line: 3, column: 3, suggestions: [] }],
  },
];

/** Plain JavaScript through ESLint's default parser (espree), as JS-only users run it. */
const commonjs = { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } };
const javascript = {
  valid: [
    {
      code: `const fs = require('fs');
function readText(path) {
  return new Promise(function (resolve, reject) {
    fs.readFile(path, 'utf8', function (error, text) {
      if (error) return reject(error);
      resolve(text);
    });
  });
}
module.exports = { readText };
`,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      code: `const fs = require('fs');
function readJson(path) {
  return new Promise(async function (resolve, reject) {
    fs.readFile(path, 'utf8', function (error, text) {
      if (error) reject(error);
      resolve(JSON.parse(text));
    });
  });
}
module.exports = { readJson };
`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'asyncExecutor' as const,
          line: 3,
          column: 22,
          suggestions: [
            {
              messageId: 'suggestRemoveAsync' as const,
              output: `const fs = require('fs');
function readJson(path) {
  return new Promise(function (resolve, reject) {
    fs.readFile(path, 'utf8', function (error, text) {
      if (error) reject(error);
      resolve(JSON.parse(text));
    });
  });
}
module.exports = { readJson };
`,
            },
          ],
        },
        {
          messageId: 'settledTwice' as const,
          line: 6,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestReturnAfterSettle' as const,
              output: `const fs = require('fs');
function readJson(path) {
  return new Promise(async function (resolve, reject) {
    fs.readFile(path, 'utf8', function (error, text) {
      if (error) return reject(error);
      resolve(JSON.parse(text));
    });
  });
}
module.exports = { readJson };
`,
            },
          ],
        },
      ],
    },
  ],
};

createRuleTester({ typed: false }).run('no-promise-constructor-misuse (untyped)', rule, {
  valid: cloneCases(valid),
  invalid: cloneCases([...invalid, ...untypedOnlyInvalid, ...optionCases]),
});

createRuleTester({ typed: true }).run('no-promise-constructor-misuse (typed)', rule, {
  valid: cloneCases(valid),
  invalid: cloneCases([...invalid, ...typedOnlyInvalid, ...optionCases]),
});

createRuleTester({ typed: false }).run('no-promise-constructor-misuse (JavaScript)', rule, javascript);
