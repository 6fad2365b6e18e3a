/**
 * Data: the APIs that call a function they are given and then ignore, or
 * misread, what it returns. Handing them an async function (or any function
 * that returns a promise) loses the promise: nothing waits for it, and its
 * rejection is unhandled. Keys of module maps use the canonical module names
 * of `lib/imports` (`timers`, not `node:timers`; globals under `<global>`).
 */
import { GLOBAL } from '../globals.js';

/**
 * What an array method does with its callback's result:
 * - `ignored`: throws it away (`forEach`): the loop ends before the callbacks;
 * - `truthy`: reads it as a boolean (`filter`, `some`): a promise is always truthy;
 * - `number`: reads it as a number (`sort`): a promise is `NaN`, which counts as "equal";
 * - `accumulator`: feeds it to the next call (`reduce`): fine only if the callback awaits it;
 * - `values`: collects it (`map`): fine only if the array of promises is awaited.
 */
export type ArrayEffect = 'ignored' | 'truthy' | 'number' | 'accumulator' | 'values';

export interface ArrayMethod {
  /** Index of the callback argument. */
  readonly callback: number;
  readonly effect: ArrayEffect;
}

export interface CallbackApiCatalog {
  /**
   * Methods of `Array`, typed arrays, `Map`, `Set` and iterator helpers, by
   * name. Without types any receiver counts; with types the method must be
   * the one TypeScript's own lib declares (so a stream's `filter`, which
   * awaits its predicate, does not).
   */
  readonly arrayMethods: Readonly<Record<string, ArrayMethod>>;
  /**
   * Methods that register a listener an emitter calls and forgets, on any
   * receiver: name -> the first argument index the listener may sit at
   * (jQuery's `on(events, selector, handler)` puts it later).
   */
  readonly listenerMethods: Readonly<Record<string, number>>;
  /** Methods whose last argument is a completion callback the caller ignores: `server.listen(port, cb)`. */
  readonly completionMethods: readonly string[];
  /** module -> export path -> index of a callback it schedules and forgets (`setTimeout(cb)`). */
  readonly schedulers: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Node modules whose functions take a Node-style callback last
   * (`fs.readFile(path, (err, data) => ...)`) and ignore what it returns.
   * Names ending in `Sync`, and those in `notCallbackStyle`, are not.
   */
  readonly callbackStyleModules: readonly string[];
  /** module -> export paths of those modules that are not callback-style. */
  readonly notCallbackStyle: Readonly<Record<string, readonly string[]>>;
  /** module -> export paths that wait for an array of promises (`Promise.all(items.map(...))`). */
  readonly promiseCombinators: Readonly<Record<string, readonly string[]>>;
  /**
   * Array methods whose result is still one entry per promise of the array
   * they are called on (`promises.slice(1)`): following them keeps tracking
   * the promises, instead of counting as reading their values.
   */
  readonly promiseArrayPassThrough: readonly string[];
  /**
   * module -> export paths whose results are streams or async iterables:
   * their `forEach`/`filter`/`map` take async callbacks and await them.
   * Used without types, to leave such receivers alone.
   */
  readonly awaitingReceivers: Readonly<Record<string, readonly string[]>>;
  /** JSX attributes that take event handlers: `onClick`, `onSubmit`, ... */
  readonly jsxHandlerPattern: RegExp;
  /**
   * DOM-style handler properties (`socket.onmessage = ...`, `img.onload = ...`):
   * the host calls the function and ignores what it returns. Their declared
   * return type is `any`, so the checker cannot tell.
   */
  readonly handlerPropertyPattern: RegExp;
  /**
   * module -> export paths of effect hooks whose callback (argument 0) must
   * return a cleanup function or nothing, never a promise (`useEffect`).
   */
  readonly effectHooks: Readonly<Record<string, readonly string[]>>;
}

export const callbackApis: CallbackApiCatalog = {
  arrayMethods: {
    forEach: { callback: 0, effect: 'ignored' },
    filter: { callback: 0, effect: 'truthy' },
    find: { callback: 0, effect: 'truthy' },
    findIndex: { callback: 0, effect: 'truthy' },
    findLast: { callback: 0, effect: 'truthy' },
    findLastIndex: { callback: 0, effect: 'truthy' },
    some: { callback: 0, effect: 'truthy' },
    every: { callback: 0, effect: 'truthy' },
    sort: { callback: 0, effect: 'number' },
    toSorted: { callback: 0, effect: 'number' },
    reduce: { callback: 0, effect: 'accumulator' },
    reduceRight: { callback: 0, effect: 'accumulator' },
    map: { callback: 0, effect: 'values' },
    flatMap: { callback: 0, effect: 'values' },
  },
  listenerMethods: {
    on: 1,
    once: 1,
    addListener: 1,
    prependListener: 1,
    prependOnceListener: 1,
    addEventListener: 1,
  },
  completionMethods: ['listen'],
  schedulers: {
    [GLOBAL]: {
      setTimeout: 0,
      setInterval: 0,
      setImmediate: 0,
      queueMicrotask: 0,
      requestAnimationFrame: 0,
      requestIdleCallback: 0,
      'process.nextTick': 0,
    },
    timers: { setTimeout: 0, setInterval: 0, setImmediate: 0 },
    process: { nextTick: 0 },
  },
  callbackStyleModules: ['fs', 'child_process', 'crypto', 'zlib', 'dns'],
  notCallbackStyle: {
    fs: ['createReadStream', 'createWriteStream', 'watch', 'watchFile', 'unwatchFile', 'existsSync'],
    child_process: ['spawn', 'fork'],
    crypto: ['createHash', 'createHmac', 'createCipheriv', 'createDecipheriv', 'createSign', 'createVerify', 'timingSafeEqual'],
    zlib: ['createGzip', 'createGunzip', 'createDeflate', 'createInflate', 'createBrotliCompress', 'createBrotliDecompress'],
    dns: ['setServers', 'getServers', 'setDefaultResultOrder', 'getDefaultResultOrder'],
  },
  promiseCombinators: {
    [GLOBAL]: ['Promise.all', 'Promise.allSettled', 'Promise.any', 'Promise.race'],
    bluebird: ['all', 'allSettled', 'any', 'race', 'some', 'props'],
  },
  promiseArrayPassThrough: ['slice', 'concat', 'reverse', 'toReversed', 'flat'],
  awaitingReceivers: {
    stream: ['Readable.from', 'Readable', 'Duplex.from', 'compose'],
    fs: ['createReadStream'],
    readline: ['createInterface'],
    events: ['on'],
  },
  jsxHandlerPattern: /^on[A-Z]/,
  handlerPropertyPattern: /^on[a-z]{3,}$/,
  effectHooks: {
    react: ['useEffect', 'useLayoutEffect', 'useInsertionEffect'],
    'preact/hooks': ['useEffect', 'useLayoutEffect'],
  },
};
