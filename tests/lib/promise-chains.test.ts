import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  canHoistLinks,
  chainHead,
  chainLink,
  continuationOf,
  droppedPromises,
  firstLink,
  flattenFixes,
  inlineCallbacks,
  isCallable,
  isLoggingCall,
  isPlainHead,
  linkOfCallback,
  orderedContinuationOf,
  returnsNothing,
  runsWhereWritten,
  valueReader,
  type CallbackFunction,
} from '../../lib/promise-chains.js';
import { getPromiseOracle } from '../../lib/promise-oracle.js';
import { getTypeInfo } from '../../lib/type-info.js';
import { lintReports, probeCalls, probeNodes, type Context } from './probe.js';

const API = `
declare function load(id: string): Promise<{ id: string; name: string }>;
async function save(id: string): Promise<void> {}
declare function report(error: unknown): void;
declare const p: Promise<number>;
`;

/** For each `probe(expression)` in the code, `inspect` of that expression. */
function onProbes<T>(code: string, inspect: (context: Context, node: TSESTree.Expression) => T, typed = false): T[] {
  return probeCalls(
    API + code,
    (context, call) => {
      const [argument] = call.arguments;
      if (!argument || argument.type === 'SpreadElement') throw new Error('probe needs an argument');
      return inspect(context, argument);
    },
    { typed },
  );
}

/** For each callback of a `.then/.catch/.finally` link marked by being the argument of `probe(...)`. */
function onCallbacks<T>(code: string, inspect: (context: Context, fn: CallbackFunction) => T, typed = false): T[] {
  return onProbes(
    code,
    (context, node) => {
      const link = chainLink(node);
      const [callback] = link ? inlineCallbacks(link) : [];
      if (!callback) throw new Error('probe(...) must hold a link with a callback');
      return inspect(context, callback);
    },
    typed,
  );
}

describe('chainLink', () => {
  it('reads then/catch/finally calls, their receiver and callback arguments', () => {
    expect(
      onProbes(
        `
        probe(p.then((n) => n, report, 'extra'));
        probe(p.catch(report));
        probe(p.finally(() => {}));
        probe(p?.then(String));
        probe(p['then'](String));
      `,
        (context, node) => {
          const link = chainLink(node.type === 'ChainExpression' ? node.expression : node);
          return link && `${link.method} on ${context.sourceCode.getText(link.receiver)} with ${String(link.callbackArguments.length)}`;
        },
      ),
    ).toEqual(['then on p with 2', 'catch on p with 1', 'finally on p with 1', 'then on p with 1', 'then on p with 1']);
  });

  it('is null for anything else', () => {
    expect(
      onProbes(
        `
        probe(p);
        probe(load('a'));
        probe([1].map(String));
        probe(p.then);
        probe(p[Symbol.iterator]());
      `,
        (_context, node) => chainLink(node),
      ),
    ).toEqual([null, null, null, null, null]);
  });

  it('finds the first link and the head of a chain', () => {
    expect(
      onProbes(
        `probe(load('a').then(String).catch(report).finally(() => {}));`,
        (context, node) => {
          const link = chainLink(node);
          if (!link) return null;
          return [firstLink(link).method, context.sourceCode.getText(chainHead(link))];
        },
      ),
    ).toEqual([['then', "load('a')"]]);
  });

  it('reads callbacks bound with `.bind(this)` as the functions they are', () => {
    expect(
      onProbes(
        `
        probe(p.then(function (this: unknown, n: number) { return n; }.bind(null), (error: unknown) => report(error)));
        probe(p.then(String.bind(null)));
      `,
        (_context, node) => {
          const link = chainLink(node);
          return link ? inlineCallbacks(link).map((fn) => `${fn.type} -> ${linkOfCallback(fn)?.method ?? 'none'}`) : null;
        },
      ),
    ).toEqual([['FunctionExpression -> then', 'ArrowFunctionExpression -> then'], []]);
  });

  it('finds the link a callback belongs to', () => {
    expect(
      probeNodes(
        `${API}
        p.then((n) => n, (error) => report(error));
        [1].map((n) => n);
        p.then(String);
      `,
        'ArrowFunctionExpression',
        (_context, fn: TSESTree.ArrowFunctionExpression) => linkOfCallback(fn)?.method ?? null,
      ),
    ).toEqual(['then', 'then', null]);
  });
});

describe('continuationOf', () => {
  it('names who waits for a link: the next link, await, return, an arrow body', () => {
    expect(
      probeNodes(
        `${API}
        declare function mark(n: number): number;
        async function f() {
          p.then(mark).then(String);
          await p.then(mark);
          p.then(mark)?.catch(report);
          (p.then(mark) as Promise<number>).finally(() => {});
        }
        function g() {
          return p.then(mark);
        }
        const h = () => p.then(mark);
      `,
        'CallExpression[arguments.0.name="mark"]',
        (_context, node: TSESTree.CallExpression) => {
          const link = chainLink(node);
          return link ? (continuationOf(link)?.kind ?? null) : 'not a link';
        },
      ),
    ).toEqual(['link', 'await', 'link', 'link', 'return', 'return']);
  });

  it('is null when the value goes elsewhere', () => {
    expect(
      probeNodes(
        `${API}
        p.then(String);
        const q = p.then(String);
        Promise.all([p.then(String)]);
        p.then(String).length;
      `,
        'CallExpression[callee.property.name="then"][arguments.0.name="String"]',
        (_context, node: TSESTree.CallExpression) => {
          const link = chainLink(node);
          return link ? continuationOf(link) : 'not a link';
        },
      ),
    ).toEqual([null, null, null, null]);
  });
});

describe('valueReader', () => {
  it('finds where the next step reads the value: a used or destructured parameter, a used await', () => {
    expect(
      probeNodes(
        `${API}
        declare function mark(n: number): number;
        async function f() {
          p.then(mark).then((value) => console.log(value));
          p.then(mark).then(({ toFixed }) => toFixed);
          p.then(mark).then((value) => 1);
          p.then(mark).then(() => 1);
          p.then(mark).then(String);
          p.then(mark).then((value = 2) => value);
          const used = await p.then(mark);
          console.log(used);
          const unused = await p.then(mark);
          (await p.then(mark)).toFixed();
          await p.then(mark);
        }
      `,
        'CallExpression[arguments.0.name="mark"]',
        (context, node: TSESTree.CallExpression) => {
          const link = chainLink(node);
          const next = link ? continuationOf(link) : null;
          const reader = next ? valueReader(next, context.sourceCode) : null;
          return reader ? context.sourceCode.getText(reader) : null;
        },
      ),
    ).toEqual(['value', '{ toFixed }', null, null, null, null, 'await p.then(mark)', null, 'await p.then(mark)', null]);
  });

  it('tells calls and `new` from values', () => {
    expect(onProbes(`probe(report(1)); probe(new Error('x')); probe(report); probe('x' as string);`, (_context, node) => runsWhereWritten(node))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('orderedContinuationOf', () => {
  it('looks through `.catch` links, which run only on a rejection', () => {
    expect(
      probeNodes(
        `${API}
        declare function mark(n: number): number;
        async function f() {
          p.then(mark).catch(report).then(String);
          p.then(mark).catch(report);
          await p.then(mark).catch(report);
          p.then(mark).finally(() => {});
        }
      `,
        'CallExpression[arguments.0.name="mark"]',
        (_context, node: TSESTree.CallExpression) => {
          const link = chainLink(node);
          const next = link ? orderedContinuationOf(link) : null;
          return next?.kind === 'link' ? next.link.method : (next?.kind ?? null);
        },
      ),
    ).toEqual(['then', null, 'await', 'finally']);
  });
});

describe('isLoggingCall', () => {
  it('knows logging calls by the global console and by logger names', () => {
    expect(
      onProbes(
        `
        declare const logger: { error(...args: unknown[]): void; child(): unknown };
        declare const req: { log: { warn(...args: unknown[]): void } };
        declare const store: { error(): void };
        probe(console.error('x'));
        probe(logger.error());
        probe(req.log.warn('slow'));
        probe(logger.child());
        probe(store.error());
        function shadowed(console: { log(): () => void }) {
          return probe(console.log());
        }
      `,
        (context, node) => node.type === 'CallExpression' && isLoggingCall(node.callee, context.sourceCode),
      ),
    ).toEqual([true, true, true, false, false, false]);
  });
});

describe('droppedPromises', () => {
  const describeDrops = (context: Context, fn: CallbackFunction): string[] =>
    droppedPromises(fn, getPromiseOracle(context), context.sourceCode.visitorKeys).map(
      (drop) => `${drop.kind}${drop.handled ? ' handled' : ''}${drop.voided ? ' void' : ''}: ${context.sourceCode.getText(drop.expression)}`,
    );

  it('lists promises started and dropped in the callback body, in order', () => {
    const code = `
      probe(p.then((n) => {
        save(String(n));
        if (n > 1) {
          load('a').then(String);
        }
        void save('b');
        save('c').catch(report);
        ['x'].map((id) => save(id));
        return n;
      }));
      probe(p.then((n) => void save(String(n))));
    `;
    const expected = [
      [
        "promise: save(String(n))",
        "chain: load('a').then(String)",
        "promise void: save('b')",
        "promise handled: save('c').catch(report)",
        "array: ['x'].map((id) => save(id))",
      ],
      ["promise void: save(String(n))"],
    ];
    expect(onCallbacks(code, describeDrops)).toEqual(expected);
    expect(onCallbacks(code, describeDrops, true)).toEqual(expected);
  });

  it('skips awaited, returned and stored promises, non-promises and nested functions', () => {
    const code = `
      probe(p.then(async (n) => {
        await save(String(n));
        const later = save('b');
        console.log(n);
        setTimeout(() => { save('c'); }, 10);
        return later;
      }));
      probe(p.then((n) => save(String(n))));
    `;
    expect(onCallbacks(code, describeDrops)).toEqual([[], []]);
    expect(onCallbacks(code, describeDrops, true)).toEqual([[], []]);
  });

  it('sees through the checker what syntax cannot', () => {
    const code = `
      declare const api: Record<string, () => Promise<void>>;
      probe(p.then(() => { api.refresh(); }));
    `;
    expect(onCallbacks(code, describeDrops)).toEqual([[]]);
    expect(onCallbacks(code, describeDrops, true)).toEqual([['promise: api.refresh()']]);
  });
});

describe('returnsNothing', () => {
  it('is true for bodies without a returned value, and for `void` bodies', () => {
    expect(
      onCallbacks(
        `
        probe(p.then((n) => { console.log(n); }));
        probe(p.then((n) => { if (n) return; console.log(n); }));
        probe(p.then((n) => void console.log(n)));
        probe(p.then(async (n) => { await save(String(n)); }));
        probe(p.then((n) => { [n].map((x) => { return x; }); }));
      `,
        (context, fn) => returnsNothing(fn, context.sourceCode.visitorKeys),
      ),
    ).toEqual([true, true, true, true, true]);
  });

  it('is false when a value is returned, for expression bodies, and for callbacks that always throw', () => {
    expect(
      onCallbacks(
        `
        probe(p.then((n) => n * 2));
        probe(p.then((n) => { if (n) { return n; } }));
        probe(p.then(() => { throw new Error('no'); }));
        probe(p.then(function (n) { return n; }));
      `,
        (context, fn) => returnsNothing(fn, context.sourceCode.visitorKeys),
      ),
    ).toEqual([false, false, false, false]);
  });
});

describe('isCallable', () => {
  const code = `
    function logFailure(error: unknown) { console.error(error); }
    function handlerFor(label: string) { return (error: unknown) => console.error(label, error); }
    declare const logger: { error(...args: unknown[]): void };
    declare const handler: (value: number) => void;
    declare const count: number;
    declare function makeHandler(): (error: unknown) => void;
    declare function untypedFactory(): any;
    probe((n: number) => n);
    probe(undefined);
    probe(null);
    probe(logFailure());
    probe(console.error('failed'));
    probe(logger.error());
    probe('done');
    probe(handlerFor('save'));
    probe(handler);
    probe(count);
    probe(makeHandler());
    probe(untypedFactory());
    probe(setTimeout(() => {}, 10));
    probe(logFailure.bind(null));
    probe(logFailure);
    class View {
      render() { console.log('render'); }
      handler() { return () => this.render(); }
      wire() {
        probe(this.render());
        probe(this.handler());
        probe(this.render);
      }
    }
  `;
  const answers = (typed: boolean): string[] =>
    onProbes(code, (context, node) => isCallable(node, context.sourceCode, getTypeInfo(context)), typed);

  it('answers from syntax without types', () => {
    expect(answers(false)).toEqual(['yes', 'yes', 'yes', 'no', 'no', 'no', 'no', 'yes', 'unknown', 'unknown', 'unknown', 'unknown', 'no', 'yes', 'yes', 'no', 'yes', 'yes']);
  });

  it('asks the checker where syntax cannot tell', () => {
    expect(answers(true)).toEqual(['yes', 'yes', 'yes', 'no', 'no', 'no', 'no', 'yes', 'yes', 'no', 'yes', 'unknown', 'no', 'yes', 'yes', 'no', 'yes', 'yes']);
  });
});

describe('canHoistLinks and flattenFixes', () => {
  /** Flattens the nested chain that is the last statement of each probed callback; null when it cannot. */
  function flatten(code: string): (string | null)[] {
    const source = API + code;
    const results: (string | null)[] = [];
    const reports = lintReports(source, (context) => ({
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'probe') return;
        const [argument] = node.arguments;
        const outer = argument ? chainLink(argument) : null;
        const [callback] = outer ? inlineCallbacks(outer) : [];
        if (!outer || !callback || callback.body.type !== 'BlockStatement') throw new Error('bad probe');
        const statement = callback.body.body[callback.body.body.length - 1];
        const inner = statement?.type === 'ExpressionStatement' ? chainLink(statement.expression) : null;
        if (!inner || statement?.type !== 'ExpressionStatement') throw new Error('bad probe');
        const head = chainHead(inner);
        if (!isPlainHead(head, context.sourceCode) || !canHoistLinks(inner, head, callback, context.sourceCode)) {
          results.push(null);
          return;
        }
        results.push('fixed');
        // A raw `message` (this throwaway rule has no messageIds), which TSESLint's types do not model.
        const report = context.report as unknown as (descriptor: {
          node: TSESTree.Node;
          message: string;
          fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
        }) => void;
        report({ node, message: 'flatten', fix: (fixer) => flattenFixes(fixer, context.sourceCode, outer, statement, inner, head) });
      },
    }));
    let index = 0;
    return results.map((result) => {
      if (result === null) return null;
      const fix = reports[index++]?.fix;
      if (!fix) throw new Error('no fix');
      return (source.slice(0, fix.range[0]) + fix.text + source.slice(fix.range[1])).slice(API.length).trim();
    });
  }

  it('moves the nested links onto the outer chain when they use nothing of the callback', () => {
    expect(
      flatten(`probe(load('a').then((user) => {
  load(user.id).then((again) => console.log(again)).catch(report);
}));`),
    ).toEqual([
      `probe(load('a').then((user) => {
  return load(user.id);
}).then((again) => console.log(again)).catch(report));`,
    ]);
  });

  it('keeps the nesting when the links use the callback\'s names, `this` or parentheses', () => {
    const results = flatten(`
probe(load('a').then((user) => {
  load('b').then((other) => console.log(user, other));
}));
probe(load('a').then((user) => {
  const label = user.name;
  load('b').then(() => console.log(label));
}));
probe(load('a').then(function (user) {
  load(user.id).then(() => console.log(this));
}));
probe(load('a').then((user) => {
  (load(user.id) as Promise<unknown>).then(String);
}));
probe(load('a').then(function () {
  load('b').then(function () { return this; });
}));
`);
    expect(results.slice(0, 4)).toEqual([null, null, null, null]);
    // A nested `function` has a `this` of its own: moving it changes nothing.
    expect(results[4]).toContain(`probe(load('a').then(function () {
  return load('b');
}).then(function () { return this; }));`);
  });
});
