import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  awaitsNothing,
  deferredDeclaration,
  forwardedPromise,
  ignoredReturns,
  isResolversFactory,
  isSettleCall,
  isSoleStatement,
  isTryThenCatch,
  leakedResolvers,
  neverSettles,
  promiseExecutor,
  settleCalls,
  settleCallsByFunction,
  type PromiseExecutor,
} from '../../lib/executor.js';
import { probeNodes, type Context } from './probe.js';

const API = `
declare function load(id: string): Promise<{ id: string; rows: string[] }>;
declare function report(error: unknown): void;
`;

/** For every `new Promise(...)` in the code, `inspect` of its executor (null when it is none). */
function onExecutors<T>(code: string, inspect: (context: Context, executor: PromiseExecutor | null) => T): T[] {
  return probeNodes(API + code, 'NewExpression:not([callee.name="Error"])', (context, node: TSESTree.NewExpression) =>
    inspect(context, promiseExecutor(context.sourceCode, node)),
  );
}

describe('promiseExecutor', () => {
  it('reads the executor and its resolver parameters', () => {
    expect(
      onExecutors(
        `
        new Promise((resolve, reject) => {});
        new Promise<void>(function (done) {});
        new Promise(({ length }: any) => {});
        new Promise(() => {});
      `,
        (_context, executor) => executor && [executor.resolve?.name ?? null, executor.reject?.name ?? null],
      ),
    ).toEqual([['resolve', 'reject'], ['done', null], [null, null], [null, null]]);
  });

  it('is null for a shadowed Promise, an executor defined elsewhere, or another class', () => {
    expect(
      onExecutors(
        `
        declare const executor: (resolve: () => void) => void;
        new Promise(executor);
        class Task { constructor(run: () => void) {} }
        new Task(() => {});
        function local(Promise: new (run: () => void) => unknown) {
          return new Promise(() => {});
        }
      `,
        (_context, executor) => executor,
      ),
    ).toEqual([null, null, null]);
  });
});

describe('settleCalls', () => {
  it('lists the calls of resolve and reject, in the executor and in its callbacks', () => {
    expect(
      onExecutors(
        `
        new Promise<string>((resolve, reject) => {
          if (Math.random() > 0.5) reject(new Error('no'));
          setTimeout(() => resolve('late'), 10);
          process.nextTick(resolve);
          resolve!('now');
        });
      `,
        (context, executor) => {
          if (!executor) return null;
          const byFunction = settleCallsByFunction(executor);
          return {
            calls: settleCalls(executor).map(({ call, kind }) => `${kind}: ${context.sourceCode.getText(call)}`),
            functions: [...byFunction.values()].map((calls) => calls.length),
          };
        },
      ),
    ).toEqual([
      {
        calls: ["reject: reject(new Error('no'))", "resolve: resolve('late')", "resolve: resolve!('now')"],
        functions: [2, 1],
      },
    ]);
  });

  it('tells settle calls from other calls', () => {
    expect(
      onExecutors(
        `
        new Promise((resolve, reject) => {
          return reject(new Error('x'));
        });
      `,
        (_context, executor) => {
          if (!executor || executor.fn.body.type !== 'BlockStatement') return null;
          const [statement] = executor.fn.body.body;
          return statement?.type === 'ReturnStatement' && statement.argument ? isSettleCall(executor, statement.argument) : null;
        },
      ),
    ).toEqual([true]);
  });

  it('pairs a call in a try block with one in its catch handler', () => {
    expect(
      probeNodes(
        `
        declare function resolve(v: unknown): void;
        declare function reject(e: unknown): void;
        try { resolve(JSON.parse('1')); } catch (error) { reject(error); }
        try { resolve(1); } finally { reject(2); }
      `,
        'Program > TryStatement',
        (_context, node: TSESTree.TryStatement) => {
          const [first] = node.block.body;
          const second = node.handler?.body.body[0] ?? node.finalizer?.body[0];
          if (first?.type !== 'ExpressionStatement' || second?.type !== 'ExpressionStatement') return null;
          return [isTryThenCatch(first.expression, second.expression), isTryThenCatch(second.expression, first.expression)];
        },
      ),
    ).toEqual([
      [true, false],
      [false, false],
    ]);
  });
});

describe('forwardedPromise', () => {
  const forwarded = (code: string): (string | null)[] =>
    onExecutors(code, (context, executor) => {
      if (!executor) return null;
      const found = forwardedPromise(executor);
      if (!found) return null;
      const mapped = found.onFulfilled.kind === 'map' ? ` map ${context.sourceCode.getText(found.onFulfilled.value)}` : '';
      const sole = isSoleStatement(executor) ? '' : ' (with other statements)';
      return `${context.sourceCode.getText(found.inner)}${mapped}${found.forwardsRejection ? '' : ' loses rejection'}${sole}`;
    });

  it('finds executors that only pass an existing promise on', () => {
    expect(
      forwarded(`
        new Promise((resolve, reject) => load('a').then(resolve, reject));
        new Promise((resolve, reject) => { load('b').then(resolve).catch(reject); });
        new Promise((res, rej) => { return load('c').then((v) => res(v), (e) => rej(e)); });
        new Promise(function (resolve, reject) { load('d').then(function (v) { resolve(v); }).catch(reject); });
        new Promise((resolve, reject) => { load('e').then((user) => resolve(user.rows[0]), reject); });
        new Promise((resolve) => { load('f').then(resolve); });
        new Promise((resolve, reject) => { console.log('loading'); load('g').then(resolve, reject); });
        declare const pending: Promise<string>;
        new Promise((resolve, reject) => { pending.then(resolve); pending.catch(reject); });
      `),
    ).toEqual([
      "load('a')",
      "load('b')",
      "load('c')",
      "load('d')",
      "load('e') map user.rows[0]",
      "load('f') loses rejection",
      "load('g') (with other statements)",
      'pending',
    ]);
  });

  it('leaves executors that do work of their own', () => {
    expect(
      forwarded(`
        new Promise((resolve, reject) => { load('a').then((user) => { if (user.id) resolve(user); }, reject); });
        new Promise((resolve, reject) => { load('b').then(resolve, (error) => { report(error); reject(error); }); });
        new Promise((resolve, reject) => { load('c').then(resolve).catch(report); });
        new Promise((resolve) => setTimeout(resolve, 10));
        new Promise((resolve, reject) => { resolve(1); load('d').then(resolve, reject); });
        new Promise((resolve, reject) => { load('e').finally(resolve); });
        new Promise<unknown>((resolve, reject) => { load('f').then(async (v) => resolve(v), reject); });
      `),
    ).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('ignoredReturns', () => {
  it('finds values returned as if they were the result', () => {
    expect(
      onExecutors(
        `
        declare const cache: Map<string, string>;
        new Promise((resolve) => { const hit = cache.get('a'); if (hit) return hit; setTimeout(() => resolve('b'), 1); });
        new Promise(() => load('a'));
        new Promise((resolve, reject) => { if (!cache.size) return reject(new Error('empty')); resolve(1); });
        new Promise((resolve) => setTimeout(resolve, 10));
        new Promise((resolve) => void load('x').then(resolve));
        new Promise((resolve) => { [1].map((n) => { return n; }); resolve(1); });
        new Promise((resolve) => { return undefined; });
        new Promise((resolve) => { const value = 1; resolve(value); return value; });
        new Promise(([settle]: any) => settle(1));
      `,
        (context, executor) =>
          executor ? ignoredReturns(executor, context.sourceCode.visitorKeys).map(({ value }) => context.sourceCode.getText(value)) : null,
      ),
    ).toEqual([['hit'], ["load('a')"], [], [], [], [], [], [], []]);
  });

  it('leaves a last value returned after the resolvers were handed to callbacks, but not a cleanup function', () => {
    expect(
      onExecutors(
        `
        declare const el: { addEventListener(type: string, cb: () => void): void };
        declare const stream: { on(type: string, cb: (...args: unknown[]) => void): void };
        new Promise((resolve) => { el.addEventListener('load', () => resolve(el)); return el; });
        new Promise((resolve, reject) => { stream.on('end', resolve); stream.on('error', reject); return stream; });
        new Promise((resolve) => { const t = setTimeout(resolve, 1); return () => clearTimeout(t); });
        new Promise((resolve) => { if (!el) return el; el.addEventListener('load', () => resolve(el)); });
      `,
        (context, executor) =>
          executor ? ignoredReturns(executor, context.sourceCode.visitorKeys).map(({ value }) => context.sourceCode.getText(value)) : null,
      ),
    ).toEqual([[], [], ['() => clearTimeout(t)'], ['el']]);
  });
});

describe('leakedResolvers and deferredDeclaration', () => {
  const leaks = (code: string): unknown[] =>
    onExecutors(code, (context, executor) => {
      if (!executor) return null;
      const found = leakedResolvers(executor, context.sourceCode);
      const deferred = deferredDeclaration(executor, found);
      return {
        leaks: found.map(({ kind, assignment }) => `${kind}: ${context.sourceCode.getText(assignment)}`),
        deferred: deferred && {
          promise: deferred.promiseName,
          resolvers: deferred.resolvers.map(({ kind, name }) => `${kind}=${name}`),
        },
      };
    });

  it('finds resolvers stored outside the executor, and the deferred that withResolvers can replace', () => {
    expect(
      leaks(`
        let resolveReady: () => void;
        let rejectReady: (error: unknown) => void;
        const ready = new Promise<void>((resolve, reject) => {
          resolveReady = resolve;
          rejectReady = reject;
        });
        class Deferred {
          resolve?: (value: unknown) => void;
          promise = new Promise((resolve) => { this.resolve = resolve; });
        }
        const state: { done?: () => void } = {};
        new Promise<void>((resolve) => { state.done = resolve; });
      `),
    ).toEqual([
      {
        leaks: ['resolve: resolveReady = resolve', 'reject: rejectReady = reject'],
        deferred: { promise: 'ready', resolvers: ['resolve=resolveReady', 'reject=rejectReady'] },
      },
      { leaks: ['resolve: this.resolve = resolve'], deferred: null },
      { leaks: ['resolve: state.done = resolve'], deferred: null },
    ]);
  });

  it('keeps the deferred when the shape is anything more than declarations and assignments', () => {
    expect(
      leaks(`
        let a: () => void;
        const first = new Promise<void>((resolve) => { a = resolve; console.log('made'); });
        let b: (() => void) | undefined;
        const second = new Promise<void>((resolve) => { b = resolve; });
        b = undefined;
        function reset() {
          let c: () => void;
          const third = new Promise<void>((resolve) => { c = resolve; });
          return { third, done: () => c() };
        }
      `).map((entry) => (entry as { deferred: unknown }).deferred),
    ).toEqual([null, null, { promise: 'third', resolvers: ['resolve=c'] }]);
  });

  it('tells a deferred factory, which hands the resolvers to its caller with the promise, from a leak', () => {
    const factories = (code: string): (boolean | null)[] =>
      onExecutors(code, (context, executor) =>
        executor ? isResolversFactory(executor, leakedResolvers(executor, context.sourceCode), context.sourceCode.visitorKeys) : null,
      );
    expect(
      factories(`
        function withResolvers<T>() {
          let resolve!: (value: T) => void;
          let reject!: (error: unknown) => void;
          const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
          return { promise, resolve, reject };
        }
        function halfFactory<T>() {
          let resolve!: (value: T) => void;
          const promise = new Promise<T>((res) => { resolve = res; });
          return { promise };
        }
        function createDefer() {
          let resolve: ((value: unknown) => void) | null = null;
          const p = new Promise((res) => { resolve = res; }) as Promise<unknown> & { resolve?: unknown };
          p.resolve = resolve;
          return p;
        }
        let outer: (value: unknown) => void;
        function leaky() {
          const promise = new Promise((res) => { outer = res; });
          return { promise, outer };
        }
      `),
    ).toEqual([true, false, true, false]);
  });

  it('does not count request tables, queues and local variables', () => {
    expect(
      leaks(`
        declare const pending: Map<number, { resolve: (v: unknown) => void }>;
        declare const waiters: (() => void)[];
        new Promise((resolve) => { pending.set(1, { resolve }); });
        new Promise<void>((resolve) => { waiters.push(resolve); });
        new Promise((resolve) => { const done = resolve; setTimeout(done, 1); });
        declare const socket: { onclose: (() => void) | null };
        new Promise<void>((resolve, reject) => {
          const image = { onload: resolve, onerror: reject, done: resolve, src: '' };
          image.onerror = reject;
          image.done = resolve;
          socket.onclose = resolve;
        });
      `).map((entry) => (entry as { leaks: unknown }).leaks),
    ).toEqual([[], [], [], []]);
  });
});

describe('neverSettles', () => {
  it('finds executors that name resolve but never use it, nor reject', () => {
    expect(
      onExecutors(
        `
        new Promise((resolve) => { setTimeout(() => console.log('tick'), 10); });
        new Promise((resolve, reject) => { console.log('started'); });
        new Promise((resolve) => { setTimeout(resolve, 10); });
        new Promise((resolve, reject) => { setTimeout(() => reject(new Error('late')), 10); });
        new Promise(() => {});
        new Promise((_resolve) => { console.log('parked'); });
        new Promise(function (resolve) { setTimeout(arguments[0], 10); });
      `,
        (context, executor) => (executor ? neverSettles(executor, context.sourceCode) : null),
      ),
    ).toEqual([true, true, false, false, false, false, false]);
  });
});

describe('awaitsNothing', () => {
  it('tells async executors that could drop `async` from those that await', () => {
    expect(
      onExecutors(
        `
        new Promise(async (resolve) => { resolve(JSON.parse('{}')); });
        new Promise(async (resolve) => { resolve(await load('a')); });
        new Promise(async (resolve) => { for await (const x of [load('b')]) resolve(x); });
        new Promise(async (resolve) => { setTimeout(async () => { resolve(await load('c')); }, 1); });
      `,
        (context, executor) => (executor ? awaitsNothing(executor.fn, context.sourceCode.visitorKeys) : null),
      ),
    ).toEqual([true, false, false, true]);
  });
});
