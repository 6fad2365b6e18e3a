/**
 * Data: the functions whose calls return a promise, by module and export path.
 * `'*'` stands for every export of the module (except those listed in
 * `notPromise`). Keys use the canonical module names of `lib/imports`
 * (`fs/promises`, not `node:fs/promises`; globals under `<global>`).
 */
import { GLOBAL } from '../globals.js';

export interface PromiseApiCatalog {
  /** module -> export paths (dotted) whose call returns a promise; '*' = all. */
  readonly returnsPromise: Readonly<Record<string, readonly string[]>>;
  /** module -> export paths that are not promise-returning even under '*'. */
  readonly notPromise: Readonly<Record<string, readonly string[]>>;
  /** module -> export paths that turn a callback function into a promise-returning one. */
  readonly promisifiers: Readonly<Record<string, readonly string[]>>;
  /** `(await x(...)).method()`: the methods of an awaited result that return promises. */
  readonly resolvedValueMethods: Readonly<Record<string, readonly string[]>>;
  /** module -> export paths that surely return no promise (spares the checker a question). */
  readonly neverPromise: Readonly<Record<string, readonly string[]>>;
}

export const promiseApis: PromiseApiCatalog = {
  returnsPromise: {
    [GLOBAL]: [
      'fetch',
      'Promise.resolve',
      'Promise.reject',
      'Promise.all',
      'Promise.allSettled',
      'Promise.any',
      'Promise.race',
      'Promise.try',
      'navigator.clipboard.writeText',
      'navigator.clipboard.readText',
      'caches.open',
      'caches.match',
      'createImageBitmap',
      'WebAssembly.compile',
      'WebAssembly.instantiate',
    ],
    'fs/promises': ['*'],
    'dns/promises': ['*'],
    'timers/promises': ['setTimeout', 'setImmediate', 'scheduler.wait', 'scheduler.yield'],
    'stream/promises': ['pipeline', 'finished'],
    'readline/promises': ['Interface.question'],
    events: ['once', 'EventEmitter.once'],
    'node:test': ['test', 'it', 'describe', 'suite'],
    'fs-extra': [
      'copy',
      'emptyDir',
      'ensureFile',
      'ensureDir',
      'mkdirp',
      'mkdirs',
      'move',
      'outputFile',
      'outputJson',
      'pathExists',
      'readJson',
      'remove',
      'writeJson',
      'readFile',
      'writeFile',
      'readdir',
      'stat',
      'unlink',
    ],
    execa: ['execa', '$', 'execaNode', 'execaCommand'],
    got: ['', 'get', 'post', 'put', 'patch', 'delete', 'head'],
    axios: ['', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'],
    'node-fetch': [''],
    undici: ['fetch', 'request'],
    'sleep-promise': [''],
    delay: [''],
    'p-retry': [''],
    'p-map': [''],
    'p-timeout': [''],
    'fast-glob': ['', 'glob', 'async'],
    glob: ['glob'],
    globby: ['globby'],
    'get-port': [''],
    open: [''],
  },
  notPromise: {
    'fs/promises': ['constants', 'watch'],
    'dns/promises': ['Resolver', 'setDefaultResultOrder', 'getDefaultResultOrder', 'setServers', 'getServers'],
  },
  promisifiers: {
    util: ['promisify'],
    [GLOBAL]: ['util.promisify'],
    pify: [''],
    bluebird: ['promisify'],
  },
  resolvedValueMethods: {
    [`${GLOBAL}:fetch`]: ['json', 'text', 'arrayBuffer', 'blob', 'formData', 'bytes'],
    'undici:fetch': ['json', 'text', 'arrayBuffer', 'blob', 'formData', 'bytes'],
    'node-fetch:': ['json', 'text', 'arrayBuffer', 'blob', 'buffer'],
  },
  neverPromise: {
    [GLOBAL]: [
      'console.log',
      'console.info',
      'console.warn',
      'console.error',
      'console.debug',
      'console.trace',
      'console.dir',
      'console.table',
      'console.time',
      'console.timeEnd',
      'console.assert',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'clearTimeout',
      'clearInterval',
      'clearImmediate',
      'queueMicrotask',
      'structuredClone',
      'Object.assign',
      'Object.freeze',
      'Object.defineProperty',
      'Object.defineProperties',
      'Object.setPrototypeOf',
      'Array.isArray',
      'JSON.parse',
      'JSON.stringify',
      'Math.max',
      'Math.min',
      'Reflect.defineProperty',
      'process.exit',
      'process.nextTick',
      'process.on',
      'process.once',
      'process.off',
      'process.emitWarning',
      'process.stdout.write',
      'process.stderr.write',
      'require',
      'parseInt',
      'parseFloat',
      'String',
      'Number',
      'Boolean',
      'Symbol',
      'BigInt',
      'alert',
    ],
  },
};
