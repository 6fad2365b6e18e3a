import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  enclosingFunction,
  functionKind,
  getAsyncContext,
  isLastStatementOf,
  isModuleCode,
  isPromiseCallback,
  isPromiseExecutor,
  type AsyncContext,
} from '../../lib/async-context.js';
import { probeCalls, probeNodes, type LintOptions } from './probe.js';

type Summary = Pick<AsyncContext, 'kind' | 'canAwait' | 'inLoop'> & { fn: string | null };

/** The async context of every `probe()` call, with its function named by type and line. */
function contexts(code: string, options?: LintOptions): Summary[] {
  return probeCalls(
    code,
    (context, call) => {
      const where = getAsyncContext(context.sourceCode, call);
      return {
        kind: where.kind,
        canAwait: where.canAwait,
        inLoop: where.inLoop,
        fn: where.fn ? `${where.fn.type}@${String(where.fn.loc.start.line)}` : null,
      };
    },
    options,
  );
}

function kinds(code: string, options?: LintOptions): string[] {
  return contexts(code, options).map((where) => where.kind);
}

describe('getAsyncContext: kind', () => {
  it('names each kind of place', () => {
    const code = `
      probe();
      export async function load(url: string) {
        probe();
        return fetch(url).then((res) => {
          probe();
          return res.json();
        }).catch(function onError(error) {
          probe();
          throw error;
        }).finally(async () => {
          probe();
        });
      }
      export function wait(ms: number) {
        return new Promise<void>((resolve) => {
          probe();
          setTimeout(resolve, ms);
        });
      }
      export class Store {
        constructor(readonly url: string) {
          probe();
        }
        async open() {
          probe();
        }
        close() {
          probe();
        }
        static async create(url: string) {
          probe();
          return new Store(url);
        }
      }
      export function sync() {
        probe();
      }
    `;
    expect(kinds(code)).toEqual([
      'module',
      'async-function',
      'promise-callback',
      'promise-callback',
      'promise-callback',
      'promise-executor',
      'constructor',
      'async-function',
      'sync-function',
      'async-function',
      'sync-function',
    ]);
  });

  it('judges by the innermost function only', () => {
    const code = `
      export class Poller {
        constructor(items: string[]) {
          items.forEach((item) => {
            probe(item);
          });
          void (async () => {
            probe();
          })();
        }
      }
      export async function outer() {
        [1, 2].map((n) => probe(n));
        function inner() {
          probe();
        }
        return inner;
      }
    `;
    expect(kinds(code)).toEqual(['sync-function', 'async-function', 'sync-function', 'sync-function']);
  });

  it('names the enclosing function and null at top level', () => {
    const code = `
      probe();
      export const run = async () => {
        probe();
      };
    `;
    expect(contexts(code).map((where) => where.fn)).toEqual([null, 'ArrowFunctionExpression@3']);
  });
});

describe('getAsyncContext: canAwait', () => {
  it('is true in async functions and at the top level of an ES module', () => {
    const code = `
      probe();
      export async function f() { probe(); }
      export function g() { probe(); }
      export const h = async () => [1].forEach(() => probe());
      export function k() { return fetch('/a').then(async () => { probe(); }); }
    `;
    expect(contexts(code).map((where) => where.canAwait)).toEqual([true, true, false, false, true]);
  });

  it('is false in class static blocks and field initializers, where await is a syntax error', () => {
    const code = `
      export class Cache {
        static warm = probe();
        static {
          probe();
        }
        entries = probe();
        load = async () => {
          probe();
        };
      }
      export async function make() {
        return class {
          static {
            probe();
          }
          [probe()] = 1;
        };
      }
    `;
    expect(contexts(code).map((where) => where.canAwait)).toEqual([false, false, false, true, false, true]);
  });

  it('is false at the top level of a script or a CommonJS module', () => {
    const code = `probe(); async function f() { probe(); } f();`;
    expect(contexts(code, { sourceType: 'script' }).map((where) => where.canAwait)).toEqual([false, true]);
    expect(contexts(code, { sourceType: 'commonjs' }).map((where) => where.canAwait)).toEqual([false, true]);
  });
});

describe('getAsyncContext: inLoop', () => {
  it('is true in loop bodies of every kind', () => {
    const code = `
      export async function sync(ids: string[], pending: Map<string, number>) {
        for (const id of ids) probe(id);
        for (const key in pending) { probe(key); }
        for (let i = 0; i < ids.length; probe(i)) i++;
        while (pending.size > 0) {
          if (pending.has('a')) {
            probe();
          }
          pending.clear();
        }
        do { probe(); } while (false);
        label: for (const id of ids) { try { probe(id); } finally { continue label; } }
      }
    `;
    expect(contexts(code).map((where) => where.inLoop)).toEqual([true, true, true, true, true, true]);
  });

  it('is false in the parts of a loop that run once', () => {
    const code = `
      declare function probe(value?: unknown): any;
      export async function sync() {
        for (const id of probe()) console.log(id);
        for (const key in probe()) console.log(key);
        for (let i = probe(); i < 3; i++) console.log(i);
        probe();
      }
    `;
    expect(contexts(code).map((where) => where.inLoop)).toEqual([false, false, false, false]);
  });

  it('resets inside a function created in the loop', () => {
    const code = `
      export function watch(ids: string[]) {
        for (const id of ids) {
          setTimeout(() => {
            probe(id);
          }, 10);
          ids.forEach(async (other) => {
            for (const char of other) probe(char);
          });
        }
      }
      for (const id of ['a']) probe(id);
    `;
    expect(contexts(code).map((where) => where.inLoop)).toEqual([false, true, true]);
  });
});

describe('functionKind and its helpers', () => {
  it('recognises promise callbacks by method name and argument position', () => {
    const code = `
      declare const p: Promise<number>;
      p.then((n) => n, (error) => error);
      p?.catch(() => 0);
      p.finally(() => {});
      [1].map((n) => n);
      p.then(undefined, function (error) { return error; });
    `;
    const answers = probeNodes(code, 'ArrowFunctionExpression, FunctionExpression', (_context, node: TSESTree.Node) =>
      isPromiseCallback(node),
    );
    expect(answers).toEqual([true, true, true, true, false, true]);
  });

  it('recognises the executor of new Promise, only as its first argument', () => {
    const code = `
      new Promise((resolve) => resolve(1));
      new Map([[1, () => 2]]);
      new Promise(async (resolve) => resolve(1));
    `;
    const answers = probeNodes(code, 'ArrowFunctionExpression', (_context, node: TSESTree.Node) => [
      isPromiseExecutor(node),
      node.type === 'ArrowFunctionExpression' ? functionKind(node) : null,
    ]);
    expect(answers).toEqual([
      [true, 'promise-executor'],
      [false, 'sync-function'],
      [true, 'promise-executor'],
    ]);
  });

  it('caches the kind per function', () => {
    const [first] = probeNodes(`export async function f() {}`, 'FunctionDeclaration', (_context, node: TSESTree.FunctionDeclaration) =>
      [functionKind(node), functionKind(node)],
    );
    expect(first).toEqual(['async-function', 'async-function']);
  });

  it('finds the enclosing function of a node, not the node itself', () => {
    const code = `export function outer() { return function inner() { return probe(); }; }`;
    const names = probeCalls(code, (_context, call) => {
      const fn = enclosingFunction(call);
      const owner = fn ? enclosingFunction(fn) : null;
      return [fn?.type === 'FunctionExpression' ? fn.id?.name : null, owner?.type === 'FunctionDeclaration' ? owner.id?.name : null];
    });
    expect(names).toEqual([['inner', 'outer']]);
  });

  it('tells module code from scripts', () => {
    const module = probeCalls(`probe();`, (context) => isModuleCode(context.sourceCode));
    const script = probeCalls(`probe();`, (context) => isModuleCode(context.sourceCode), { sourceType: 'script' });
    expect([module, script]).toEqual([[true], [false]]);
  });
});

describe('isLastStatementOf', () => {
  it('is true only for the last statement of a block body', () => {
    const code = `
      declare const p: Promise<void>;
      p.then(() => {
        probe(1);
        if (Math.random()) {
          probe(2);
        }
        probe(3);
      });
      p.then(() => probe(4));
      probe(5);
    `;
    const answers = probeCalls(code, (context, call) => {
      const statement = call.parent;
      if (statement.type !== 'ExpressionStatement') return `not a statement: ${String(call.arguments[0]?.type)}`;
      return isLastStatementOf(statement, getAsyncContext(context.sourceCode, call).fn);
    });
    expect(answers).toEqual([false, false, true, 'not a statement: Literal', false]);
  });
});
