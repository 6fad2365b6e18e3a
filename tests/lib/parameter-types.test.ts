import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { parameterTakesAnything } from '../../lib/parameter-types.js';
import { getTypeInfo } from '../../lib/type-info.js';
import { probeNodes } from './probe.js';

/** For every argument named `p`: does its parameter take any value? */
function takesAnything(code: string): boolean[] {
  return probeNodes(
    code,
    'CallExpression > Identifier[name="p"], NewExpression > Identifier[name="p"]',
    (context, node: TSESTree.Identifier) => {
      const call = node.parent as TSESTree.CallExpression | TSESTree.NewExpression;
      const info = getTypeInfo(context);
      if (!info) throw new Error('no type information');
      return parameterTakesAnything(info, call, call.arguments.indexOf(node));
    },
    { typed: true },
  );
}

describe('parameterTakesAnything', () => {
  it('is true for parameters declared any, unknown, {}, object or Object, rest parameters included', () => {
    expect(
      takesAnything(`
        declare const p: Promise<number>;
        declare function takesAny(value: any): void;
        declare function takesUnknown(value: unknown): void;
        declare function takesEmpty(value: {}): void;
        declare function takesObject(value: object): void;
        declare function takesObjectInterface(value: Object): void;
        declare function rest(label: string, ...values: unknown[]): void;
        takesAny(p);
        takesUnknown(p);
        takesEmpty(p);
        takesObject(p);
        takesObjectInterface(p);
        rest('x', 1, p);
        console.log(p);
        JSON.stringify(p);
      `),
    ).toEqual([true, true, true, true, true, true, true, true]);
  });

  it('is false for generic, typed and promise-accepting parameters, type guards and unresolved calls', () => {
    expect(
      takesAnything(`
        declare const p: Promise<number>;
        declare function takesString(value: string | Promise<number>): void;
        declare function takesGeneric<T>(value: T): void;
        declare function takesPromise(value: PromiseLike<number>): void;
        declare function restGeneric<T>(...values: T[]): void;
        declare function isThenable(value: unknown): value is PromiseLike<unknown>;
        declare const untyped: any;
        declare function tuple(...values: [number, unknown]): void;
        const pending: unknown[] = [];
        const cache = new Map<string, unknown>();
        takesString(p);
        takesGeneric(p);
        takesPromise(p);
        restGeneric(p);
        isThenable(p);
        untyped(p);
        pending.push(p);
        cache.set('k', p);
        Promise.resolve(p);
        tuple(1, p);
        new WeakRef(p);
      `),
    ).toEqual([false, false, false, false, false, false, false, false, false, false, false]);
  });
});
