/**
 * Data: network calls that can wait forever, and which option bounds them.
 * Keys use the canonical module names of `lib/imports` (`http`, not
 * `node:http`; globals under `<global>`), paths are dotted export paths.
 */
import { GLOBAL } from '../globals.js';

export interface NetworkApi {
  /**
   * Argument positions where the options object may sit, in order: `fetch(url, init)` is `[1]`,
   * `http.get(options)` / `http.get(url, options, cb)` is `[0, 1]`.
   */
  readonly options: readonly number[];
  /** Option keys that carry an `AbortSignal`. */
  readonly signalKeys: readonly string[];
  /** Option keys that set a timeout (enough for a missing-timeout report, not for propagating a caller's signal). */
  readonly timeoutKeys: readonly string[];
  /** Methods of the returned object that set a timeout afterwards: `req.setTimeout(ms)`. */
  readonly resultTimeoutMethods: readonly string[];
}

export type NetworkCatalog = Readonly<Record<string, Readonly<Record<string, NetworkApi>>>>;

const fetchLike: NetworkApi = { options: [1], signalKeys: ['signal'], timeoutKeys: [], resultTimeoutMethods: [] };
const httpLike: NetworkApi = { options: [0, 1], signalKeys: ['signal'], timeoutKeys: ['timeout'], resultTimeoutMethods: ['setTimeout'] };
const socketLike: NetworkApi = { options: [0], signalKeys: ['signal'], timeoutKeys: ['timeout'], resultTimeoutMethods: ['setTimeout'] };
/** node-fetch 2 (the version most code still pins) bounds a request with its own `timeout` option (ms); version 3 dropped it. */
const nodeFetch: NetworkApi = { options: [1], signalKeys: ['signal'], timeoutKeys: ['timeout'], resultTimeoutMethods: [] };

export const networkApis: NetworkCatalog = {
  [GLOBAL]: { fetch: fetchLike },
  http: { request: httpLike, get: httpLike },
  https: { request: httpLike, get: httpLike },
  net: { connect: socketLike, createConnection: socketLike },
  tls: { connect: socketLike },
  'node-fetch': { default: nodeFetch },
  undici: {
    fetch: fetchLike,
    request: { options: [1], signalKeys: ['signal'], timeoutKeys: ['headersTimeout', 'bodyTimeout'], resultTimeoutMethods: [] },
    stream: { options: [1], signalKeys: ['signal'], timeoutKeys: ['headersTimeout', 'bodyTimeout'], resultTimeoutMethods: [] },
  },
};

/**
 * The last names of the catalog's paths: a call whose callee ends otherwise is
 * not looked up. `'*'` when a module itself is callable (`default`): its local name is not known.
 */
export function networkApiNames(catalog: NetworkCatalog): ReadonlySet<string> {
  const names = new Set<string>();
  for (const entries of Object.values(catalog)) {
    for (const path of Object.keys(entries)) names.add(path === 'default' ? '*' : (path.split('.').pop() ?? path));
  }
  return names;
}

/** A user's extension: `{ module: 'axios', name: 'get', optionsArgument: 1, timeoutKeys: ['timeout'] }`. */
export interface NetworkApiSpec {
  readonly module?: string;
  readonly name: string;
  readonly optionsArgument: number;
  readonly signalKeys?: readonly string[];
  readonly timeoutKeys?: readonly string[];
}

/** The catalog with the user's entries added (a user's entry replaces a built-in one of the same name). */
export function extendNetworkCatalog(
  catalog: NetworkCatalog,
  specs: readonly NetworkApiSpec[],
  canonical: (module: string) => string,
): NetworkCatalog {
  if (specs.length === 0) return catalog;
  const extended: Record<string, Record<string, NetworkApi>> = {};
  for (const [module, entries] of Object.entries(catalog)) extended[module] = { ...entries };
  for (const spec of specs) {
    const module = spec.module === undefined ? GLOBAL : canonical(spec.module);
    extended[module] ??= {};
    extended[module][spec.name] = {
      options: [spec.optionsArgument],
      signalKeys: spec.signalKeys ?? ['signal'],
      timeoutKeys: spec.timeoutKeys ?? ['timeout'],
      resultTimeoutMethods: [],
    };
  }
  return extended;
}
