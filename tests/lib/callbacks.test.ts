import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isFunctionNode } from '../../lib/ast.js';
import {
  awaitsParameter,
  callHandlesOwnErrors,
  callbackHandlesOwnErrors,
  callbackReturnsPromise,
  capturesRejections,
  classifyTypeNode,
  declaredArgumentSlot,
  declaredAttributeSlot,
  declaredMemberAssignmentSlot,
  declaredPropertySlot,
  declaredReturnSlot,
  declaredSlotOf,
  findSlot,
  functionHeadLoc,
  functionOf,
  handlesOwnErrors,
  ignoringApi,
  isAwaitingReceiver,
  isCombinator,
  isFinallyCall,
  isKeyedCollection,
  isLibMethod,
  isPossiblyFunctionType,
  isPromiseConstructor,
  isSyncDisposeMethod,
  matchesAllowedMethod,
  mayHoldFunction,
  mayReturnCall,
  promiseArrayUse,
  receiverModule,
  returnsPromiseOnSomePath,
  spreadHoldsPromiseFunctions,
  staticMemberName,
  symbolReturnsPromise,
  typedArgumentSlot,
  typedContextualSlot,
} from '../../lib/callbacks.js';
import { getPromiseOracle } from '../../lib/promise-oracle.js';
import { getTypeInfo } from '../../lib/type-info.js';
import { firstArgument, probeCalls, probeNodes, probeOne } from './probe.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

function onlyFunction(node: TSESTree.Node): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
}

describe('findSlot', () => {
  /** The slot kind of every arrow and function expression, in source order. */
  function slots(code: string): (string | null)[] {
    return probeNodes(
      code,
      'ArrowFunctionExpression, FunctionExpression',
      (_context, fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression) => {
        const slot = findSlot(fn);
        if (!slot) return null;
        return slot.kind === 'argument' ? `argument ${String(slot.index)}` : slot.kind === 'jsx' ? `jsx ${slot.name}` : slot.kind;
      },
      { filename: undefined },
    );
  }

  it('finds where a function value goes, through wrappers and branches', () => {
    expect(
      slots(`
declare function on(event: string, fn: unknown): void;
declare const busy: boolean;
on('a', async () => {});
on('b', (async () => {}) as () => void);
on('c', busy ? undefined : async () => {});
on('d', busy && (async () => {}));
const handlers = { save: async () => {}, async load() {} };
export function make() { return async () => {}; }
export const inline = () => async () => {};
let assigned: () => void;
assigned = async () => {};
(async () => {})();
`),
    ).toEqual(['argument 1', 'argument 1', 'argument 1', 'argument 1', 'property', 'property', 'return', 'variable', 'return', 'assignment', null]);
  });

  it('names JSX attributes, namespaced ones included', () => {
    const found = probeNodes(
      `export const a = <button onClick={async () => {}} xlink:href={() => 'x'} />;`,
      'ArrowFunctionExpression',
      (_context, fn: TSESTree.ArrowFunctionExpression) => {
        const slot = findSlot(fn);
        return slot?.kind === 'jsx' ? slot.name : null;
      },
      { filename: `${process.cwd()}/tests/fixtures/react.tsx` },
    );
    expect(found).toEqual(['onClick', 'href']);
  });
});

describe('functionOf', () => {
  it('follows names to functions declared in this file, once and never reassigned', () => {
    const found = probeCalls(
      `
async function declared() {}
const arrow = async () => {};
let reassigned = async () => {};
reassigned = async () => {};
const notFunction = 1;
import { save } from './store.js';
probe(declared, arrow, reassigned, notFunction, save, async () => {});
`,
      (context, call) => call.arguments.map((argument) => functionOf(context.sourceCode, argument)?.type ?? null),
    );
    expect(found).toEqual([
      [
        AST_NODE_TYPES.FunctionDeclaration,
        AST_NODE_TYPES.ArrowFunctionExpression,
        null,
        null,
        null,
        AST_NODE_TYPES.ArrowFunctionExpression,
      ],
    ]);
  });
});

describe('callbackReturnsPromise', () => {
  const code = `
async function save(): Promise<void> {}
function* rows() { yield 1; }
import { load } from './store.js';
declare const typedOnly: { run(): Promise<void> }['run'];
probe(async () => {}, () => save(), () => 1, rows, async function* () {}, load, typedOnly);
`;
  for (const typed of [false, true]) {
    it(`answers from syntax first (${typed ? 'typed' : 'untyped'})`, () => {
      const [answers] = probeCalls(code, (context, call) => {
        const oracle = getPromiseOracle(context);
        return call.arguments.map((argument) => callbackReturnsPromise(oracle, argument));
      }, { typed });
      // The indexed-access type is known to the checker only.
      expect(answers).toEqual(['yes', 'yes', 'no', 'no', 'no', 'yes', typed ? 'yes' : 'unknown']);
    });
  }
});

describe('mayHoldFunction and isPossiblyFunctionType', () => {
  it('rules out names that cannot hold a function, without the checker', () => {
    const [answers] = probeCalls(
      `
const count = 1;
const list = [1];
const text = \`x\`;
const made = new Map();
let callback: () => void;
const label: string = 'a';
const either: string | (() => void) = 'a';
declare const cb: { (): void };
declare const shape: { name: string };
import { save } from './store.js';
export function f(param: number, untyped: unknown, fn: () => void) {
  probe(count, list, text, made, callback, label, either, cb, shape, save, param, untyped, fn, undefined, globalThis);
}
`,
      (context, call) =>
        call.arguments.map((argument) => argument.type === AST_NODE_TYPES.Identifier && mayHoldFunction(context.sourceCode, argument)),
    );
    expect(answers).toEqual([false, false, false, false, true, false, true, true, false, true, false, true, true, false, true]);
  });

  it('reads written types', () => {
    const answers = probeNodes(
      `
type A = string; type B = number[]; type C = [number]; type D = { a: 1 }; type E = { (): void };
type F = 'x' | (() => void); type G = Foo; type H = typeof globalThis; type I = { [K in 'a']: 1 }; type J = object;
`,
      'TSTypeAliasDeclaration',
      (_context, alias: TSESTree.TSTypeAliasDeclaration) => isPossiblyFunctionType(alias.typeAnnotation),
    );
    expect(answers).toEqual([false, false, false, false, true, true, true, true, false, false]);
  });
});

describe('ignoringApi', () => {
  /** The kind (and name) of the ignoring API for each argument of each call to test. */
  function apis(code: string): string[] {
    return probeNodes(
      code,
      'CallExpression',
      (context, call: TSESTree.CallExpression) =>
        call.arguments
          .map((_argument, index) => {
            const api = ignoringApi(context.sourceCode, call, index);
            if (!api) return '-';
            if (api.kind === 'array') return `array:${api.method}:${api.effect}`;
            return api.kind === 'listener' ? `listener:${api.method}` : `${api.kind}:${api.name}`;
          })
          .join(' '),
    ).filter((line) => line !== '');
  }

  it('knows array methods and listener methods by name, on any receiver', () => {
    expect(
      apis(`
declare const items: string[];
declare const $: any;
declare const fn: () => void;
items.forEach(fn);
items.filter(fn, items);
items['some'](fn);
items.reduce(fn, 0);
items.map(fn);
emitter.on('x', fn);
$('#a').on('click', '.b', fn);
window.addEventListener('load', fn, { once: true });
server.listen(3000, fn);
server.listen(fn);
items.push(fn);
`),
    ).toEqual([
      'array:forEach:ignored',
      'array:filter:truthy -',
      'array:some:truthy',
      'array:reduce:accumulator -',
      'array:map:values',
      '- listener:on',
      // Every argument from the listener position on: jQuery's \`on(events, selector, handler)\`.
      '- listener:on listener:on',
      '-',
      '- listener:addEventListener listener:addEventListener',
      '- callback-style:listen',
      '-',
      '-',
    ]);
  });

  it('resolves schedulers and Node callbacks to the builtins', () => {
    expect(
      apis(`
import { setTimeout as later } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import fs from 'node:fs';
import { exec } from 'node:child_process';
const { readFile } = require('fs');
declare const fn: () => void;
setTimeout(fn, 1);
globalThis.setInterval(fn, 1);
process.nextTick(fn);
queueMicrotask(fn);
later(fn, 1);
sleep(1, fn);
fs.readFile('/x', fn);
fs.readFileSync('/x');
fs.createReadStream('/x', fn);
exec('ls', fn);
readFile('/x', fn);
fs.promises.readFile('/x', fn);
`),
    ).toEqual([
      '-',
      'scheduler:setTimeout -',
      'scheduler:setInterval -',
      'scheduler:nextTick',
      'scheduler:queueMicrotask',
      'scheduler:setTimeout -',
      '- -',
      '- callback-style:readFile',
      '-',
      '- -',
      '- callback-style:exec',
      '- callback-style:readFile',
      '- -',
    ]);
  });

  it('knows effect hooks that must not get a promise', () => {
    expect(
      apis(`
import React, { useEffect } from 'react';
import { useLayoutEffect } from 'preact/hooks';
useEffect(() => {}, []);
React.useEffect(() => {});
useLayoutEffect(() => {});
`),
    ).toEqual(['effect:useEffect -', 'effect:useEffect', 'effect:useLayoutEffect']);
  });

  it('leaves a local setTimeout alone', () => {
    expect(apis(`function setTimeout(fn: () => void, ms: number) { return [fn, ms]; }\nsetTimeout(() => {}, 1);`)).toEqual(['- -']);
  });

  it('reads `a[name]` where `const name = "..."`', () => {
    const names = probeNodes(
      `const f = 'finally'; let g = 'then'; declare const p: Promise<void>; p[f]; p[g]; p.catch; p[0];`,
      'MemberExpression',
      (context, node: TSESTree.MemberExpression) => staticMemberName(context.sourceCode, node),
    );
    expect(names).toEqual(['finally', null, 'catch', null]);
  });

  it('tells `new Promise` and `.finally` apart', () => {
    const found = probeNodes(
      `
declare const p: Promise<void>;
const f = 'finally';
new Promise(() => {});
new Map();
p.finally(() => {});
p[f](() => {});
p.then(() => {});
`,
      'NewExpression, CallExpression',
      (context, call: Call) => [isPromiseConstructor(context.sourceCode, call), isFinallyCall(context.sourceCode, call)],
    );
    expect(found).toEqual([
      [true, false],
      [false, false],
      [false, true],
      [false, true],
      [false, false],
    ]);
  });
});

describe('isAwaitingReceiver and receiverModule', () => {
  it('recognises streams without types', () => {
    const [answers] = probeCalls(
      `
import { Readable } from 'node:stream';
import type { Readable as R } from 'stream';
import fs from 'node:fs';
import readline from 'node:readline';
const stream = Readable.from([1]);
const filtered = stream.filter(async () => true);
export function f(typed: R, plain: string[]) {
  probe(stream, filtered, typed, fs.createReadStream('/x'), readline.createInterface({ input: process.stdin }), plain, [1]);
}
`,
      (context, call) => call.arguments.map((argument) => isAwaitingReceiver(context.sourceCode, argument)),
    );
    expect(answers).toEqual([true, true, true, true, true, false, false]);
  });

  it('finds the module a receiver is made by', () => {
    const [answers] = probeCalls(
      `
import { Telegraf } from 'telegraf';
import express from 'express';
import * as Bus from 'bus';
import type { Client } from 'discord.js';
const bot = new Telegraf('token');
const app = express();
const client = await Bus.connect();
const local = { on() {} };
export function f(c: Client) {
  probe(bot, app, client, c, local, process);
}
`,
      (context, call) => call.arguments.map((argument) => receiverModule(context.sourceCode, argument)),
    );
    expect(answers).toEqual(['telegraf', 'express', 'bus', 'discord.js', null, null]);
  });

  it('matches `{ from: "package" }` allow specs by receiver origin', () => {
    const [answers] = probeCalls(
      `
import { Telegraf } from 'telegraf';
const bot = new Telegraf('token');
const other = { on(_e: string, _f: () => void) {} };
probe(bot.on, bot.once, other.on);
`,
      (context, call) =>
        call.arguments.map((argument) =>
          matchesAllowedMethod(context.sourceCode, null, argument, [{ from: 'package', package: 'telegraf', name: 'on' }, 'other.on']),
        ),
    );
    expect(answers).toEqual([true, false, false]);
  });

  it('matches `{ from: "package" }` by the declaring file with types', () => {
    const [answers] = probeCalls(
      `
import { EventEmitter } from 'node:events';
export function f(emitter: EventEmitter, local: { on(e: string, f: () => void): void }) {
  probe(emitter.on, local.on);
}
`,
      (context, call) =>
        call.arguments.map((argument) =>
          matchesAllowedMethod(context.sourceCode, getTypeInfo(context), argument, [{ from: 'package', package: 'node:events', name: 'on' }]),
        ),
      { typed: true },
    );
    expect(answers).toEqual([true, false]);
  });
});

describe('typedArgumentSlot', () => {
  /** The slot answer for the last argument of every `target(...)` call. */
  function slotsOf(code: string): string[] {
    return probeNodes(
      code,
      'CallExpression[callee.name="target"], NewExpression[callee.name="Target"], CallExpression[callee.property.name="target"]',
      (context, call: Call) => {
        const info = getTypeInfo(context);
        if (!info) throw new Error('no type information');
        return typedArgumentSlot(info, call, call.arguments.length - 1);
      },
      { typed: true },
    );
  }

  it('reads every overload: a promise-accepting one wins over a void one', () => {
    expect(
      slotsOf(`
declare function target(cb: () => void): void;
target(async () => {});
`),
    ).toEqual(['void']);
    expect(
      slotsOf(`
declare function target(cb: () => void): void;
declare function target(cb: () => Promise<void>): void;
target(async () => {});
`),
    ).toEqual(['thenable']);
    expect(
      slotsOf(`
interface Runner { (name: string, cb: () => number): void; (name: string, cb: () => void): void }
declare const target: Runner;
target('x', async () => {});
`),
    ).toEqual(['void']);
  });

  it('reads rest parameters, tuples, unions, constructors and generic instantiations', () => {
    expect(
      slotsOf(`
declare function target(first: string, ...rest: Array<() => void>): void;
target('a', () => {}, async () => {});
declare const opt: ((cb: () => void) => void) | undefined;
declare function target2(...rest: [boolean, () => void]): void;
class Target { constructor(...cbs: (() => void)[]) {} }
new Target(async () => {});
declare function generic<T extends (...args: never[]) => unknown>(fn: T): T;
declare const obj: { target<T extends () => unknown>(fn: T): T };
obj.target<() => void>(async () => {});
`),
    ).toEqual(['void', 'void', 'void']);
  });

  it('says other for unknown returns, unknown for any', () => {
    expect(
      slotsOf(`
declare function target(cb: () => unknown): void;
target(async () => {});
`),
    ).toEqual(['other']);
    expect(
      slotsOf(`
declare const target: any;
target(async () => {});
`),
    ).toEqual(['unknown']);
  });
});

describe('typedContextualSlot', () => {
  it('reads properties, methods, returns, variables and assignments', () => {
    const found = probeNodes(
      `
type Hooks = { onDone: () => void; onLoad(): Promise<void>; render: () => string };
export const hooks: Hooks = {
  onDone: async () => {},
  async onLoad() {},
  render: () => 'x',
};
export function make(): () => void {
  return async () => {};
}
export const v: () => void = async () => {};
let w: () => Promise<void>;
w = async () => {};
export const free = async () => {};
`,
      'ArrowFunctionExpression, FunctionExpression',
      (context, fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression) => {
        const info = getTypeInfo(context);
        if (!info) throw new Error('no type information');
        const node = fn.parent.type === AST_NODE_TYPES.Property && fn.parent.method ? fn.parent : fn;
        return typedContextualSlot(info, node);
      },
      { typed: true },
    );
    expect(found).toEqual(['void', 'thenable', 'other', 'void', 'void', 'thenable', 'unknown']);
  });
});

describe('isLibMethod and isKeyedCollection', () => {
  it('tells the builtin array methods from a stream or a class of the same name', () => {
    const found = probeNodes(
      `
import { Readable } from 'node:stream';
class Bag { forEach(fn: (x: number) => void) { fn(1); } }
declare const items: number[] | readonly string[];
declare const map: Map<string, number>;
declare const anything: any;
items.forEach(() => {});
map.forEach(() => {});
Readable.from([1]).forEach(() => {});
new Bag().forEach(() => {});
anything.forEach(() => {});
`,
      'CallExpression[callee.property.name="forEach"]',
      (context, call: TSESTree.CallExpression) => {
        const info = getTypeInfo(context);
        if (!info || call.callee.type !== AST_NODE_TYPES.MemberExpression) throw new Error('unexpected');
        return [isLibMethod(info, call.callee, 'forEach'), isKeyedCollection(context.sourceCode, info, call.callee.object)];
      },
      { typed: true },
    );
    expect(found).toEqual([
      ['yes', false],
      ['yes', true],
      ['no', false],
      ['no', false],
      ['unknown', false],
    ]);
  });

  it('knows a Map or Set without types when it is made in a constant', () => {
    const [answers] = probeCalls(
      `const seen = new Set<string>(); const byId = new Map(); const list = ['a']; probe(seen, byId, list);`,
      (context, call) => call.arguments.map((argument) => isKeyedCollection(context.sourceCode, null, argument)),
    );
    expect(answers).toEqual([true, true, false]);
  });
});

describe('declaredArgumentSlot and declaredSlotOf', () => {
  function slotsOf(code: string): string[] {
    return probeNodes(code, 'CallExpression[callee.name="target"], NewExpression', (context, call: Call) =>
      declaredArgumentSlot(context.sourceCode, call, call.arguments.length - 1),
    );
  }

  it('reads the written parameter types of callees declared in the file', () => {
    expect(
      slotsOf(`
function target(cb: (n: number) => void) { cb(1); }
target(async () => {});
`),
    ).toEqual(['void']);
    expect(
      slotsOf(`
function target(cb: () => void): void;
function target(cb: () => Promise<void>): void;
function target(cb: () => unknown) { cb(); }
target(async () => {});
`),
    ).toEqual(['thenable']);
    expect(
      slotsOf(`
const target = (id: string, done: () => void) => done();
target('a', async () => {});
`),
    ).toEqual(['void']);
    expect(
      slotsOf(`
interface Runner { (name: string, cb: () => void): void }
declare const target: Runner | null;
target('a', async () => {});
`),
    ).toEqual(['void']);
    expect(
      slotsOf(`
type Done = () => void;
declare function target(first: string, ...rest: Array<Done>): void;
target('a', async () => {});
`),
    ).toEqual(['void']);
    expect(
      slotsOf(`
declare function target(...rest: [string, () => Promise<void>]): void;
target('a', async () => {});
`),
    ).toEqual(['thenable']);
    expect(
      slotsOf(`
class Target { constructor(first: string, ...cbs: (() => void)[]) {} }
new Target('a', async () => {});
`),
    ).toEqual(['void']);
    expect(
      slotsOf(`
import { target } from './store.js';
target(async () => {});
`),
    ).toEqual(['unknown']);
  });

  it('classifies written function types', () => {
    const found = probeNodes(
      `
type A = () => void; type B = () => Promise<void>; type C = () => void | Promise<void>; type D = () => number;
type E = (() => void) | undefined; type F = { (): void }; type G = A; type H = string; type I = () => void | undefined;
`,
      'TSTypeAliasDeclaration',
      (context, alias: TSESTree.TSTypeAliasDeclaration) => [classifyTypeNode(context.sourceCode, alias.typeAnnotation, 0), declaredSlotOf(context.sourceCode, alias.typeAnnotation)],
    );
    expect(found.map(([answer]) => answer)).toEqual(['void', 'thenable', 'thenable', 'other', 'void', 'void', 'void', 'unknown', 'void']);
    expect(found.every(([a, b]) => a === b)).toBe(true);
  });
});

describe('callHandlesOwnErrors and callbackHandlesOwnErrors', () => {
  const code = `declare function save(): Promise<void>;
declare function report(e: unknown): void;
declare function probe(value: unknown): void;
async function careful() { try { await save(); } catch (e) { report(e); } }
async function careless() { await save(); }
export class Job {
  #onDone = async () => { await save().catch(report); };
  async run() { try { await save(); } catch (e) { report(e); } }
  async stop() { await save(); }
  wire() {
    PROBES
  }
}
`;

  it('follows a call into a local function that catches its own errors', () => {
    const answers = probeCalls(
      code.replace('PROBES', 'probe(careful()); probe(this.run()); probe(careless()); probe(this.stop()); probe(save());'),
      (context, call) => {
        const argument = firstArgument(call);
        return argument.type === AST_NODE_TYPES.CallExpression && callHandlesOwnErrors(context.sourceCode, argument);
      },
    );
    expect(answers).toEqual([true, true, false, false, false]);
  });

  it('reads a callback passed by reference, bound, or calling one function from an expression body', () => {
    const answers = probeCalls(
      code.replace(
        'PROBES',
        [
          'probe(this.#onDone);',
          'probe(this.run.bind(this));',
          'probe(() => this.run());',
          'probe(async () => await careful());',
          'probe(careful);',
          'probe(this.stop);',
          'probe(this.stop.bind(this));',
          'probe(() => this.stop());',
          'probe(() => careless());',
          'probe(() => { careful(); });',
        ].join('\n    '),
      ),
      (context, call) => {
        const argument = firstArgument(call);
        return callbackHandlesOwnErrors(context.sourceCode, argument, functionOf(context.sourceCode, argument));
      },
    );
    expect(answers).toEqual([true, true, true, true, true, false, false, false, false, false]);
  });
});

describe('handlesOwnErrors', () => {
  function handles(code: string): boolean[] {
    return probeNodes(
      `declare function save(): Promise<void>; declare function report(e: unknown): void;\n${code}`,
      'ArrowFunctionExpression',
      (context, fn: TSESTree.ArrowFunctionExpression) => (onlyFunction(fn.parent) ? null : handlesOwnErrors(fn, context.sourceCode.visitorKeys)),
    ).filter((answer): answer is boolean => answer !== null);
  }

  it('accepts callbacks whose every await and throw is caught', () => {
    expect(
      handles(`
export const a = async () => { try { await save(); } catch (e) { report(e); } };
export const b = () => save().catch(report);
export const c = async () => await save().catch(report);
export const d = async () => { await save().catch(report); };
export const e = async () => { save().catch(report); };
export const f = async () => { report(1); try { await save(); } catch { report(2); } finally { report(3); } };
export const g = () => { return save().catch(report); };
export const h = async () => { try { for await (const x of [save()]) report(x); } catch (e) { report(e); } };
`),
    ).toEqual([true, true, true, true, true, true, true, true]);
  });

  it('rejects callbacks where something still rejects', () => {
    expect(
      handles(`
export const a = async () => { await save(); };
export const b = async () => { await save(); try { await save(); } catch (e) { report(e); } };
export const c = async () => { try { await save(); } catch (e) { throw e; } };
export const d = async () => { try { await save(); } finally { report(1); } };
export const e = async () => { try { await save(); } catch (e) { report(e); } await save(); };
export const f = () => save();
export const g = async () => { report(1); };
export const h = async () => { if (Math.random()) throw new Error('x'); try { await save(); } catch { report(1); } };
export const i = () => { return save(); };
export const j = async () => { try { await save(); } catch (e) { await save(); } };
export const k = async () => { try { report(1); } catch {} for await (const x of [save()]) report(x); };
export const l = async () => { try { return save(); } catch (e) { report(e); } };
`),
    ).toEqual([false, false, false, false, false, false, false, false, false, false, false, false]);
  });

  it('does not look into nested functions', () => {
    expect(handles(`export const a = async () => { try { await save(); } catch (e) { report(e); } const later = async () => { await save(); }; return later; };`)).toEqual([
      true,
      false,
    ]);
  });
});

describe('awaitsParameter', () => {
  it('sees an accumulator that is awaited or chained', () => {
    const found = probeNodes(
      `
declare const ids: string[];
ids.reduce(async (sum, id) => (await sum) + id.length, Promise.resolve(0));
ids.reduce(async (acc, id) => { const list = await acc; return [...list, id]; }, Promise.resolve([] as string[]));
ids.reduce((p, id) => p.then(() => id), Promise.resolve(''));
ids.reduce(async (acc, id) => { await Promise.all([acc, id]); return acc; }, Promise.resolve(''));
ids.reduce(async (acc, id) => acc + id, '');
ids.reduce(async ({ total }, id) => ({ total: total + id.length }), { total: 0 });
ids.reduce(async (acc) => { acc.push('x'); return acc; }, [] as string[]);
`,
      'CallExpression[callee.property.name="reduce"]',
      (context, call: TSESTree.CallExpression) => {
        const fn = call.arguments[0];
        if (!fn || !isFunctionNode(fn)) throw new Error('no reducer');
        return awaitsParameter(context.sourceCode, fn, 0);
      },
    );
    expect(found).toEqual([true, true, true, true, false, false, false]);
  });
});

describe('promiseArrayUse', () => {
  /** What becomes of each `ids.map(...)` array. */
  function uses(code: string): string[] {
    return probeNodes(
      `declare const ids: string[]; declare function save(id: string): Promise<void>; declare const res: { json(x: unknown): void };\n${code}`,
      'CallExpression[callee.property.name="map"]',
      (context, call: TSESTree.CallExpression) => promiseArrayUse(context.sourceCode, call).use,
    );
  }

  it('accepts arrays that are awaited together, returned or passed on', () => {
    expect(
      uses(`
export async function a() {
  await Promise.all(ids.map(save));
  await Promise.allSettled([...ids.map(save), save('x')]);
  const later = ids.map(save);
  await Promise.race(later.slice(1));
  for (const p of ids.map(save)) await p;
  register(ids.map(save));
  yield_(ids.map(save));
  return ids.map(save);
}
declare function register(x: unknown): void;
declare function yield_(x: unknown): void;
export const b = () => ids.map(save);
export const c = ids.map(save);
`),
    ).toEqual(['waited', 'waited', 'waited', 'waited', 'waited', 'waited', 'waited', 'waited', 'waited']);
  });

  it('reports arrays that are dropped, awaited directly or read as values', () => {
    expect(
      uses(`
export async function a() {
  ids.map(save);
  void ids.map(save);
  const unused = ids.map(save);
  const counted = ids.map(save);
  console.log(counted.length);
  await ids.map(save);
  console.log(ids.map(save));
  res.json(ids.map(save));
  JSON.stringify(ids.map(save));
  const text = \`\${ids.map(save)}\`;
  const joined = ids.map(save).join();
  const kept = ids.map(save).filter(Boolean);
  const stored = ids.map(save);
  return [text, joined, kept, stored.join(), { ...ids.map(save) }];
}
`),
    ).toEqual(['dropped', 'dropped', 'dropped', 'dropped', 'awaited', 'values', 'values', 'values', 'values', 'values', 'values', 'values', 'values']);
  });

  it('says where the values are read through a variable', () => {
    const [at] = probeNodes(
      `declare const ids: string[]; declare function save(id: string): Promise<void>;\nexport function f() { const names = ids.map(save); return names.join(); }`,
      'CallExpression[callee.property.name="map"]',
      (context, call: TSESTree.CallExpression) => {
        const verdict = promiseArrayUse(context.sourceCode, call);
        return `${verdict.use} ${context.sourceCode.getText(verdict.at)} ${String(verdict.at.loc.start.line)}`;
      },
    );
    expect(at).toBe('values names 2');
  });

  it('knows promise combinators', () => {
    const found = probeNodes(
      `
import Bluebird from 'bluebird';
declare const Q: { all(x: unknown): unknown };
Promise.all([]); Promise.any([]); Bluebird.all([]); Q.all([]); Promise.resolve([]); Array.from([]);
`,
      'ExpressionStatement > CallExpression',
      (context, call: TSESTree.CallExpression) => isCombinator(context.sourceCode, call),
    );
    expect(found).toEqual([true, true, true, true, false, false]);
  });
});

describe('functionHeadLoc', () => {
  it('spans the head of the function: from async to => or to the parameter list', () => {
    const heads = probeNodes(
      `
export const a = async (id: string) => id;
export const b = async function named(x: number) { return x; };
export const c = { async method() {} };
export const d = async () => {};
`,
      'ArrowFunctionExpression, FunctionExpression',
      (context, fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression) => {
        const loc = functionHeadLoc(context.sourceCode, fn);
        const lines = context.sourceCode.lines;
        return (lines[loc.start.line - 1] ?? '').slice(loc.start.column, loc.end.column);
      },
    );
    expect(heads).toEqual(['async (id: string) =>', 'async function named(', 'async method(', 'async () =>']);
  });
});

describe('analyses on odd input do not throw', () => {
  it('handles calls without a checker node and unusual callees', () => {
    const answers = probeOne(
      `probe((0, console.log)(async () => {}));`,
      (context, node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) throw new Error('unexpected');
        return [ignoringApi(context.sourceCode, node, 0), declaredArgumentSlot(context.sourceCode, node, 0), findSlot(firstArgument(node))?.kind];
      },
    );
    expect(answers).toEqual([null, 'unknown', 'argument']);
  });
});

describe('written object, member and prop types (no checker)', () => {
  it('finds the declared type of an object literal and reads its member', () => {
    const found = probeNodes(
      `
interface Base { onClose(): void }
interface Hooks extends Base { onOpen: () => void; onLoad: () => Promise<void>; nested: { onDeep: () => void } }
type Maybe = Hooks | undefined;
declare function save(): Promise<void>;
export const a: Hooks = { onOpen: save, onLoad: save, onClose: save, nested: { onDeep: save }, other: save };
export const b: Maybe = { onOpen: save };
export function make(): Hooks { return { onOpen: save }; }
export const c = { onOpen: save } satisfies Hooks;
declare function register(hooks: Hooks): void;
register({ onOpen: save });
export const d = { onOpen: save } as const;
export const e = { onOpen: save };
`,
      'Property',
      (context, property: TSESTree.Property) => `${context.sourceCode.getText(property.key)}:${declaredPropertySlot(context.sourceCode, property)}`,
    );
    expect(found).toEqual([
      'onOpen:void',
      'onLoad:thenable',
      'onClose:void',
      'nested:unknown',
      'onDeep:void',
      'other:unknown',
      'onOpen:void',
      'onOpen:void',
      'onOpen:void',
      'onOpen:void',
      'onOpen:unknown',
      'onOpen:unknown',
    ]);
  });

  it('reads the member an assignment writes, and the props of a local component', () => {
    const [assigned] = probeNodes(
      `const handlers: { onReady?: () => void } = {}; handlers.onReady = undefined; export {};`,
      'AssignmentExpression > MemberExpression',
      (context, member: TSESTree.MemberExpression) => declaredMemberAssignmentSlot(context.sourceCode, member),
    );
    expect(assigned).toBe('void');
    const props = probeNodes(
      `
function Modal(props: { onClose: () => void; onSave: () => Promise<void> }) { return null; }
const Panel = ({ onOpen }: { onOpen: () => void }) => null;
export const a = <Modal onClose={undefined} onSave={undefined} />;
export const b = <Panel onOpen={undefined} />;
export const c = <div onClick={undefined} />;
`,
      'JSXAttribute',
      (context, attribute: TSESTree.JSXAttribute) =>
        declaredAttributeSlot(context.sourceCode, attribute, attribute.name.type === AST_NODE_TYPES.JSXIdentifier ? attribute.name.name : ''),
      { filename: `${process.cwd()}/tests/fixtures/react.tsx` },
    );
    expect(props).toEqual(['void', 'thenable', 'void', 'unknown']);
  });

  it('reads written return types', () => {
    const found = probeNodes(
      `type A = () => void; type B = () => Promise<void>; type C = () => number; type D = () => void | undefined; type E = () => void | Promise<void>;`,
      'TSFunctionType',
      (_context, fn: TSESTree.TSFunctionType) => declaredReturnSlot(fn.returnType?.typeAnnotation),
    );
    expect(found).toEqual(['void', 'thenable', 'other', 'void', 'thenable']);
  });
});

describe('spreads, dispose methods, promises on some paths', () => {
  const code = `
declare function save(): Promise<void>;
const handlers = [async () => {}, () => save()];
const plain = [() => 1];
declare const typed: Array<() => Promise<void>>;
probe(handlers, plain, typed);
`;
  for (const typed of [false, true]) {
    it(`sees arrays of promise-returning functions (${typed ? 'typed' : 'untyped'})`, () => {
      const [answers] = probeCalls(code, (context, call) => {
        const oracle = getPromiseOracle(context);
        return call.arguments.map((argument) => spreadHoldsPromiseFunctions(oracle, context.sourceCode, getTypeInfo(context), argument));
      }, { typed });
      // The declared array type is the checker's to read.
      expect(answers).toEqual([true, false, typed]);
    });
  }

  it('knows Symbol.dispose methods', () => {
    const found = probeNodes(
      `
export const a = { async [Symbol.dispose]() {}, async [Symbol.asyncDispose]() {}, async dispose() {} };
export class B { async [Symbol.dispose]() {} dispose = async () => {}; }
`,
      'FunctionExpression, ArrowFunctionExpression',
      (_context, fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression) => isSyncDisposeMethod(fn),
    );
    expect(found).toEqual([true, false, false, true, false]);
  });

  it('finds a promise returned on some path only', () => {
    const found = probeNodes(
      `
declare function save(): Promise<void>;
export const a = (x: boolean) => { if (x) return; return save(); };
export const b = (x: boolean) => { if (x) return 1; return 2; };
export const c = (x: boolean) => save();
`,
      'ArrowFunctionExpression',
      (context, fn: TSESTree.ArrowFunctionExpression) => returnsPromiseOnSomePath(getPromiseOracle(context), context.sourceCode, fn),
    );
    expect(found).toEqual([true, false, false]);
  });
});

describe('capturesRejections', () => {
  it('knows emitters whose rejected listeners go to "error"', () => {
    const [answers] = probeCalls(
      `
import { EventEmitter } from 'node:events';
const safe = new EventEmitter({ captureRejections: true });
const plain = new EventEmitter();
const off = new EventEmitter({ captureRejections: false });
class Bus extends EventEmitter {
  constructor() { super({ captureRejections: true }); }
  wire() { return this; }
}
const bus = new Bus();
probe(safe, plain, off, bus);
`,
      (context, call) => call.arguments.map((argument) => capturesRejections(context.sourceCode, argument)),
    );
    expect(answers).toEqual([true, false, false, true]);
  });

  it('sees the file-wide switch', () => {
    const [answers] = probeCalls(
      `
import { EventEmitter } from 'node:events';
EventEmitter.captureRejections = true;
const plain = new EventEmitter();
probe(plain);
`,
      (context, call) => call.arguments.map((argument) => capturesRejections(context.sourceCode, argument)),
    );
    expect(answers).toEqual([true]);
  });
});

describe('mayReturnCall', () => {
  it('passes functions that return a call or new, and nothing else', () => {
    const found = probeNodes(
      `
declare function save(): Promise<void>;
declare const flag: boolean;
export const a = () => save();
export const b = (x: { id: string }) => x.id;
export const c = () => { if (flag) return save(); return 1; };
export const d = () => (flag ? save() : undefined);
export const e = () => {};
export const f = () => new Promise((resolve) => resolve(1));
export const g = () => flag && save();
export const h = () => 1 + 2;
`,
      'VariableDeclarator > ArrowFunctionExpression',
      (context, fn: TSESTree.ArrowFunctionExpression) => mayReturnCall(fn),
    );
    expect(found).toEqual([true, false, true, true, false, true, true, false]);
  });
});

describe('symbolReturnsPromise', () => {
  it('reads the declared type of the symbol a name refers to', () => {
    const [answers] = probeCalls(
      `
import { save, format } from './store.js';
declare const maybe: (() => Promise<void>) | undefined;
declare const loose: any;
declare function run<T extends () => Promise<void>>(task: T): void;
export function f<T extends () => Promise<void>>(task: T, n: number) {
  probe(save, format, maybe, loose, task, n, run);
}
`,
      (context, call) => {
        const info = getTypeInfo(context);
        if (!info) throw new Error('no type information');
        return call.arguments.map((argument) => (argument.type === AST_NODE_TYPES.Identifier ? symbolReturnsPromise(info, argument) : null));
      },
      { typed: true },
    );
    expect(answers).toEqual(['yes', 'no', 'yes', 'unknown', 'yes', 'no', 'no']);
  });

  it('with declaredOnly, asks only about names declared as functions', () => {
    const [answers] = probeCalls(
      `
import { save } from './store.js';
declare function local(): void;
const arrow = async () => {};
const fromCall = Object.keys({});
declare const typed: () => Promise<void>;
export function f(untyped, cb: () => void, items: string[]) {
  probe(save, local, arrow, fromCall, typed, untyped, cb, items, console);
}
`,
      (context, call) =>
        call.arguments.map((argument) => argument.type === AST_NODE_TYPES.Identifier && mayHoldFunction(context.sourceCode, argument, true)),
    );
    expect(answers).toEqual([true, true, true, false, true, false, true, false, false]);
  });
});
