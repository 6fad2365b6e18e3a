import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  deferredDeclaration,
  forwardedPromise,
  leakedResolvers,
  libDeclaresWithResolvers,
  promiseExecutor,
  settleCalls,
  type PromiseExecutor,
} from '../../lib/executor.js';
import { innerPromiseText, removeAsync, resolveWith, returnAfterSettle, withResolvers } from '../../lib/executor-fixes.js';
import { getTypeInfo } from '../../lib/type-info.js';
import { lintReports, probeNodes, type Context } from './probe.js';

type MakeFixes = (fixer: TSESLint.RuleFixer, context: Context, executor: PromiseExecutor) => TSESLint.RuleFix | TSESLint.RuleFix[] | null;

/** For each `new Promise(...)`, the code after applying what `makeFixes` returns (null when it returns nothing). */
function fixEach(code: string, makeFixes: MakeFixes): (string | null)[] {
  const messages = lintReports(code, (context) => ({
    NewExpression(node) {
      const executor = promiseExecutor(context.sourceCode, node);
      if (!executor) return;
      // A raw `message` (this throwaway rule has no messageIds), which TSESLint's types do not model.
      const report = context.report as unknown as (descriptor: {
        node: TSESTree.Node;
        message: string;
        fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[] | null;
      }) => void;
      report({ node, message: 'fix', fix: (fixer) => makeFixes(fixer, context, executor) });
    },
  }));
  return messages.map(({ fix }) => (fix ? code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]) : null));
}

describe('removeAsync', () => {
  it('drops the keyword of an async arrow or function executor', () => {
    expect(
      fixEach(`new Promise(async (resolve) => resolve(1));\nnew Promise(async function (resolve) { resolve(2); });\n`, (fixer, context, executor) =>
        removeAsync(fixer, context.sourceCode, executor.fn),
      ).map((code, index) => code?.split('\n')[index]),
    ).toEqual(['new Promise((resolve) => resolve(1));', 'new Promise(function (resolve) { resolve(2); });']);
  });
});

describe('innerPromiseText', () => {
  const inner = (code: string, isPromise: boolean): (string | null)[] =>
    fixEach(code, (fixer, context, executor) => {
      const wrapped = forwardedPromise(executor);
      return wrapped ? fixer.replaceText(executor.construct, innerPromiseText(context.sourceCode, wrapped, isPromise)) : null;
    }).map((fixed, index) => fixed?.split('\n')[2 + index] ?? null);

  const code = `declare const a: Promise<{ id: string }> | null;
declare const b: Promise<{ id: string }>;
export const one = new Promise((resolve, reject) => b.then(resolve, reject));
export const two = new Promise((resolve) => { (a || b).then((user) => resolve(user.id)); });
export const three = new Promise((resolve, reject) => { b.then((user) => resolve({ id: user.id }), reject); });
`;

  it('uses the promise as is, or maps its value, parenthesized where needed', () => {
    expect(inner(code, true)).toEqual([
      'export const one = b;',
      'export const two = (a || b).then((user) => user.id);',
      'export const three = b.then((user) => ({ id: user.id }));',
    ]);
  });

  it('assimilates a thenable of unknown kind with Promise.resolve', () => {
    expect(inner(code, false)[0]).toBe('export const one = Promise.resolve(b);');
  });
});

describe('resolveWith', () => {
  it('resolves with the returned value', () => {
    const [fixed] = fixEach(`new Promise((done) => { return 42; });\n`, (fixer, context, executor) => {
      const body = executor.fn.body;
      const statement = body.type === 'BlockStatement' ? body.body[0] : null;
      return statement?.type === 'ReturnStatement' && statement.argument ? resolveWith(fixer, context.sourceCode, 'done', statement.argument) : null;
    });
    expect(fixed).toBe(`new Promise((done) => { return done(42); });\n`);
  });
});

describe('returnAfterSettle', () => {
  const fixFirst = (code: string): (string | null)[] =>
    fixEach(code, (fixer, _context, executor) => {
      const [first] = settleCalls(executor);
      const fix = first ? returnAfterSettle(first.call) : null;
      return fix ? fix(fixer) : null;
    });

  it('returns right after a settle statement, and replaces a `break` that would reach the next one', () => {
    expect(
      fixFirst(`new Promise((resolve, reject) => {
  if (Math.random()) reject(new Error('x'));
  resolve(1);
});
new Promise((resolve, reject) => {
  for (const n of [1, 2]) {
    if (n) {
      resolve(n);
      break;
    }
  }
  reject(new Error('none'));
});
new Promise((resolve) => {
  const settled = resolve(1) ?? resolve(2);
});
`),
    ).toEqual([
      expect.stringContaining("if (Math.random()) return reject(new Error('x'));"),
      expect.stringContaining('resolve(n);\n      return;\n'),
      null,
    ]);
  });
});

describe('withResolvers and libDeclaresWithResolvers', () => {
  const deferred = `let resolveReady: (value: string) => void;
let rejectReady: (error: unknown) => void;
const ready = new Promise<string>((resolve, reject) => {
  resolveReady = resolve;
  rejectReady = reject;
});
export { ready, resolveReady, rejectReady };
`;

  it('declares the promise and its resolvers together, and removes the lets', () => {
    const [fixed] = fixEach(deferred, (fixer, context, executor) => {
      const found = deferredDeclaration(executor, leakedResolvers(executor, context.sourceCode));
      return found ? withResolvers(fixer, context.sourceCode, executor, found) : null;
    });
    expect(fixed).toBe(`const { promise: ready, resolve: resolveReady, reject: rejectReady } = Promise.withResolvers<string>();
export { ready, resolveReady, rejectReady };
`);
  });

  it('knows from the checker whether the lib declares Promise.withResolvers', () => {
    const ask = (code: string, typed: boolean): (boolean | null)[] =>
      probeNodes(code, 'NewExpression', (context, node: TSESTree.NewExpression) => libDeclaresWithResolvers(getTypeInfo(context), node.callee), {
        typed,
      });
    const augmented = `declare global {
  interface PromiseConstructor { withResolvers<T>(): { promise: Promise<T>; resolve: (value: T) => void } }
}
export const p = new Promise<void>((resolve) => resolve());
`;
    expect(ask(deferred, false)).toEqual([null]);
    // tests/fixtures/tsconfig.json targets ES2023, which has no `Promise.withResolvers`.
    expect(ask(deferred, true)).toEqual([false]);
    expect(ask(augmented, true)).toEqual([true]);
  });
});
