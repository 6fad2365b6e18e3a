import { describe, expect, it } from 'vitest';
import { apiFunctionName, classifyReturns, mixedReturns, returnPaths, syncThrows, type BodyFunction } from '../../lib/mixed-returns.js';
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
