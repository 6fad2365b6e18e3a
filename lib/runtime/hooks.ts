/**
 * Recording wrappers for Node's I/O and blocking APIs, shared by the shim's
 * worker (which hands snippets recording copies of the modules) and by the
 * user-facing debug mode (which patches the real modules in place). Which
 * exports block comes from the lint rule's catalog, lib/catalogs/blocking-apis.
 */
import { blockingApis, lookupBlockingApi } from '../catalogs/blocking-apis.js';
import { GLOBAL } from '../globals.js';

/** What a wrapped function is, as the recorder sees it. */
export interface CallInfo {
  /** The name users write: `fs.readFileSync`, `fs.promises.readFile`, `child_process.exec`. */
  readonly api: string;
  /** Canonical module name (`fs`, `fs/promises`). */
  readonly module: string;
  readonly name: string;
  /** Listed in the blocking catalog: it holds the thread until it is done. */
  readonly blocking: boolean;
}

/** Called before the real function, with its arguments; may return replacement arguments. */
export type BeforeCall = (info: CallInfo, args: unknown[]) => unknown[];

/** Modules whose functions are I/O: the shim records every call to them (constructor I/O, blocking calls). */
export const IO_MODULES = ['fs', 'fs/promises', 'child_process', 'zlib', 'crypto', 'dns', 'dns/promises', 'net', 'http', 'https'] as const;

/** `crypto` and `zlib` are mostly computation: only their catalogued (blocking) exports and their async twins count as I/O for them. */
const COMPUTE_MODULES = new Set(['crypto', 'zlib']);

/** How users spell the module in an API name: `fs.promises.readFile` rather than `fs/promises.readFile`. */
function displayModule(module: string): string {
  return module.endsWith('/promises') ? `${module.slice(0, -'/promises'.length)}.promises` : module;
}

/** Does this export of a builtin module block, per the catalog? */
export function isBlockingExport(module: string, name: string): boolean {
  return lookupBlockingApi(blockingApis, module, [name]) !== null;
}

/** The blocking global APIs of the catalog that the runtime can wrap (`Atomics.wait`). */
export function blockingGlobals(): string[] {
  return Object.keys(blockingApis[GLOBAL] ?? {});
}

function isWrappable(name: string, value: unknown): value is (...args: unknown[]) => unknown {
  // Classes (`ReadStream`, `Hash`) and their factories stay as they are: a wrapper would break `instanceof` and `new`.
  return typeof value === 'function' && /^[a-z]/.test(name);
}

/** A function that calls `before` and then `fn`, carrying over `fn`'s own properties (`promisify.custom`, `native`). */
export function wrapFunction(fn: (...args: unknown[]) => unknown, info: CallInfo, before: BeforeCall): (...args: unknown[]) => unknown {
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    return fn.apply(this, before(info, args));
  };
  for (const key of Reflect.ownKeys(fn)) {
    if (key === 'prototype' || key === 'arguments' || key === 'caller') continue;
    const descriptor = Object.getOwnPropertyDescriptor(fn, key);
    if (descriptor) Object.defineProperty(wrapper, key, descriptor);
  }
  return wrapper;
}

/** Which exports of this module to record: every function of an I/O module; for `crypto`/`zlib`, only the blocking ones and their callback twins. */
function selected(module: string, name: string, value: unknown, everyIo: boolean): boolean {
  if (!isWrappable(name, value)) return false;
  if (isBlockingExport(module, name)) return true;
  if (!everyIo) return false;
  if (!COMPUTE_MODULES.has(module)) return true;
  return isBlockingExport(module, `${name}Sync`);
}

/**
 * A copy of a module's exports with recording wrappers: blocking exports
 * always, and with `everyIo` every I/O function too. The real module is left
 * alone, so the code that made the copy keeps using the real functions.
 */
export function recordingCopy(module: string, exports: object, before: BeforeCall, everyIo: boolean): Record<string, unknown> {
  const copy: Record<string, unknown> = Object.create(Object.getPrototypeOf(exports) as object | null) as Record<string, unknown>;
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(exports))) {
    const value: unknown = descriptor.value;
    if ('value' in descriptor && selected(module, key, value, everyIo)) {
      const info: CallInfo = { api: `${displayModule(module)}.${key}`, module, name: key, blocking: isBlockingExport(module, key) };
      Object.defineProperty(copy, key, { ...descriptor, value: wrapFunction(value as (...args: unknown[]) => unknown, info, before) });
    } else {
      Object.defineProperty(copy, key, descriptor);
    }
  }
  return copy;
}

/**
 * Replaces the blocking exports of a real module object with recording
 * wrappers, in place; returns the function that puts the originals back.
 * (ESM named imports of builtins follow after `module.syncBuiltinESMExports()`.)
 */
export function patchBlockingExports(module: string, exports: Record<string, unknown>, before: BeforeCall): () => void {
  const originals: [string, unknown][] = [];
  for (const key of Object.keys(exports)) {
    const value = exports[key];
    if (!isWrappable(key, value) || !isBlockingExport(module, key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(exports, key);
    if (!descriptor?.writable && !descriptor?.configurable) continue;
    originals.push([key, value]);
    exports[key] = wrapFunction(value, { api: `${displayModule(module)}.${key}`, module, name: key, blocking: true }, before);
  }
  return () => {
    for (const [key, value] of originals) exports[key] = value;
  };
}

/** Wraps `Atomics.wait` (and any other catalogued global on `Atomics`) in place; returns the undo. */
export function patchBlockingGlobals(before: BeforeCall): () => void {
  const undo: (() => void)[] = [];
  for (const path of blockingGlobals()) {
    const [owner, name] = path.split('.');
    if (owner !== 'Atomics' || name === undefined) continue;
    const target = Atomics as unknown as Record<string, unknown>;
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = wrapFunction(original as (...args: unknown[]) => unknown, { api: path, module: GLOBAL, name: path, blocking: true }, before);
    undo.push(() => {
      target[name] = original;
    });
  }
  return () => {
    for (const step of undo) step();
  };
}
