import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  apiFunctionName,
  callAcceptsEither,
  callConvertsThrow,
  classifyReturns,
  mixedReturns,
  onlyPassedAsCallback,
  privateMethodCalls,
  refineReturnPaths,
  returnPaths,
  syncThrows,
  throwOutsidePromiseMode,
  visibleCalls,
  type BodyFunction,
} from '../../lib/mixed-returns.js';
import { getPromiseOracle } from '../../lib/promise-oracle.js';
import { probeNodes, type LintOptions } from './probe.js';

const FUNCTIONS = 'ArrowFunctionExpression, FunctionDeclaration, FunctionExpression';

function names(code: string): (string | null)[] {
  return probeNodes<string | null, BodyFunction>(code, FUNCTIONS, (_context, fn) => apiFunctionName(fn));
}

/** For each function: its return paths as `answer:text`. */
function paths(code: string, options?: LintOptions): string[][] {
  return probeNodes<string[], BodyFunction>(
    code,
    FUNCTIONS,
    (context, fn) =>
      classifyReturns(getPromiseOracle(context), fn, context.sourceCode.visitorKeys).map(
        (path) => `${path.answer}:${context.sourceCode.getText(path.node)}`,
      ),
    options,
  );
}

describe('apiFunctionName', () => {
  it('names functions that code calls by name, not callbacks, getters, async or generator functions', () => {
    expect(
      names(`
export function a() {}
export default function () {}
const b = () => 1;
const c = function () {};
class D { e() {} get f() { return 1; } g = () => 1; constructor() {} static h() {} }
const i = { j() {}, k: () => 1 };
call({ l() {} });
call(() => 1);
async function m() {}
function* n() {}
`),
    ).toEqual(['a', 'default', 'b', 'c', 'e', null, 'g', null, 'h', 'j', 'k', null, null, null, null]);
  });
});

describe('returnPaths', () => {
  it('splits conditionals and ||/?? and leaves out nothing-returns and && guards', () => {
    const fnPaths = probeNodes<string[], BodyFunction>(
      `
function f(a: boolean, b: string | null) {
  if (a) return;
  if (!b) return null;
  if (b === 'x') return undefined;
  if (b === 'y') return void 0;
  if (b === 'z') return a && b;
  return a ? b : (b ?? 'none') || 'empty';
}
`,
      'FunctionDeclaration',
      (context, fn) => returnPaths(fn, context.sourceCode.visitorKeys, () => 'unknown').map((path) => context.sourceCode.getText(path.node)),
    );
    expect(fnPaths).toEqual([['a && b', 'b', 'b', "'none'", "'empty'"]]);
  });

  it('classifies by syntax, and asks the checker only about unknown paths once a sure one exists', () => {
    const code = `
declare const memo: Map<number, string>;
declare const other: Map<number, string>;
async function load(id: number) { return String(id); }
export function a(id: number) { return memo.get(id) ?? load(id); }
export function b(id: number) { return memo.get(id) ?? other.get(id); }
`;
    expect(paths(code)).toEqual([['no:String(id)'], ['unknown:memo.get(id)', 'yes:load(id)'], ['unknown:memo.get(id)', 'unknown:other.get(id)']]);
    expect(paths(code, { typed: true })).toEqual([
      ['no:String(id)'],
      ['no:memo.get(id)', 'yes:load(id)'],
      ['unknown:memo.get(id)', 'unknown:other.get(id)'],
    ]);
  });
});

describe('mixedReturns', () => {
  it('needs a sure promise and a sure value', () => {
    const node = { type: 'Identifier' } as never;
    expect(mixedReturns([{ node, answer: 'yes' }, { node, answer: 'unknown' }])).toBeNull();
    expect(mixedReturns([{ node, answer: 'yes' }, { node, answer: 'no' }])).not.toBeNull();
  });
});

describe('syncThrows', () => {
  it('finds throws that escape: not in nested functions, not in a try block with a catch', () => {
    const lines = probeNodes<number[], BodyFunction>(
      `
function f(x: number) {
  if (x < 0) throw new Error('a');
  try {
    throw new Error('b');
  } catch (error) {
    throw error;
  }
  try {
    if (x === 1) throw new Error('c');
  } finally {
    console.log('d');
  }
  const later = () => { throw new Error('e'); };
  return later;
}
`,
      'FunctionDeclaration',
      (context, fn) => syncThrows(fn, context.sourceCode.visitorKeys).map((node) => node.loc.start.line),
    );
    expect(lines).toEqual([[3, 7, 10]]);
  });
});

describe('callers and throws that need no report', () => {
  it('visibleCalls lists the calls of a file-local function, null when some use is out of sight', () => {
    const calls = probeNodes<number | null, BodyFunction>(
      `
function local() { return 1; }
local(); local();
export function exported() { return 1; }
function passed() { return 1; }
setTimeout(passed);
const arrow = () => 1;
arrow();
function unused() { return 1; }
`,
      'FunctionDeclaration, ArrowFunctionExpression',
      (context, fn) => visibleCalls(context.sourceCode, fn)?.length ?? null,
    );
    expect(calls).toEqual([2, null, null, 1, null]);
  });

  it('callConvertsThrow: async callers, promise callbacks, executors and try blocks convert a throw', () => {
    const converts = probeNodes<boolean, TSESTree.CallExpression>(
      `
declare function h(): Promise<number>; declare const p: Promise<number>;
async function a() { h(); }
p.then(() => h());
new Promise(() => h());
function b() { try { h(); } catch {} }
function c() { h(); }
function d() { try { } finally { h(); } }
`,
      'CallExpression[callee.name="h"]',
      (_context, call) => callConvertsThrow(call),
    );
    expect(converts).toEqual([true, true, true, true, false, false]);
  });

  it('callAcceptsEither: awaited, returned from a then callback, resolved, or checked for then', () => {
    const accepts = probeNodes<boolean, TSESTree.CallExpression>(
      `
declare function h(): number | Promise<number>; declare const p: Promise<number>; declare function isPromise(x: unknown): boolean;
async function a() { await h(); }
p.then(() => h());
Promise.resolve(h());
function b() { const r = h(); return typeof (r as Promise<number>).then === 'function'; }
function c() { const r = h(); return isPromise(r); }
function d() { return h(); }
function e() { const r = h(); return r; }
`,
      'CallExpression[callee.name="h"]',
      (context, call) => callAcceptsEither(context.sourceCode, call),
    );
    expect(accepts).toEqual([true, true, true, true, true, false, false]);
  });

  it('throwOutsidePromiseMode: a feature check for Promise, a throw after the callback-mode early return', () => {
    const outside = probeNodes<boolean[], BodyFunction>(
      `
function a() { if (typeof Promise === 'undefined') throw new Error('x'); return Promise.resolve(1); }
function b(cb?: () => void) { if (!cb) return Promise.resolve(1); if (typeof cb !== 'function') throw new Error('x'); cb(); }
function c(cb?: () => void) { if (typeof cb !== 'function') throw new Error('x'); if (!cb) return Promise.resolve(1); cb(); }
`,
      'FunctionDeclaration',
      (context, fn) =>
        syncThrows(fn, context.sourceCode.visitorKeys).map((thrown) =>
          throwOutsidePromiseMode(fn, thrown, (node) => getPromiseOracle(context).isPromiseSyntactically(node)),
        ),
    );
    expect(outside).toEqual([[true], [true], [false]]);
  });
});

describe('onlyPassedAsCallback', () => {
  it('knows named functions that are only handed to other calls', () => {
    const passed = probeNodes<boolean, BodyFunction>(
      `
declare function use(f: unknown): void;
function a() { return 1; }
use(a);
function b() { return 1; }
use(b); b();
function c() { return 1; }
`,
      'FunctionDeclaration',
      (context, fn) => onlyPassedAsCallback(context.sourceCode, fn),
    );
    expect(passed).toEqual([true, false, false]);
  });
});

describe('privateMethodCalls', () => {
  it('finds the calls of #name and _name methods in the file, null for other functions', () => {
    const found = probeNodes<number | null, BodyFunction>(
      `
class A {
  _a() { return 1; }
  #b() { return 2; }
  c() { return this._a() + this.#b() + this.#b(); }
  _d() { return 3; }
}
`,
      'FunctionExpression',
      (context, fn) => privateMethodCalls(context.sourceCode, fn)?.length ?? null,
    );
    expect(found).toEqual([1, 2, null, 0]);
  });
});

describe('refineReturnPaths', () => {
  it('reads T | Promise<T> and plainly typed parameters as values', () => {
    const refined = probeNodes<string[], BodyFunction>(
      `
declare function load(): Promise<string>;
interface Doc { id: string }
function a(x: unknown): string | Promise<string> { if (x) return x as string; return load(); }
function b(doc: Doc, n: number, other: Promise<string>) { if (n) return doc; if (!n) return other; return load(); }
`,
      'FunctionDeclaration',
      (context, fn) =>
        refineReturnPaths(context.sourceCode, fn, classifyReturns(getPromiseOracle(context), fn, context.sourceCode.visitorKeys)).map(
          (path) => `${path.answer}:${context.sourceCode.getText(path.node)}`,
        ),
    );
    expect(refined).toEqual([
      ['no:x', 'yes:load()'],
      ['no:doc', 'yes:other', 'yes:load()'],
    ]);
  });
});
