import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  PROMISE_MEMBERS,
  isInTestPosition,
  readsOnlyPromiseMembers,
  unawaitedCall,
  usesAt,
  valueUse,
  type ValueUse,
} from '../../lib/value-use.js';
import { probeNodes } from './probe.js';

const PRELUDE = `
declare const other: any, cond: boolean, list: any[];
declare function fn(...args: unknown[]): unknown;
declare function tag(strings: TemplateStringsArray, ...values: unknown[]): string;
let text = '';
let total = 0;
`;

/** The use each `target` identifier meets, in source order, as `kind` (or null). */
function kinds(statements: string): (string | null)[] {
  return probeNodes(PRELUDE + statements, 'Identifier[name="target"]', (_context, node: TSESTree.Identifier) =>
    node.parent.type === 'VariableDeclarator' && node.parent.id === node ? 'declared' : (valueUse(node)?.kind ?? null),
  ).filter((kind) => kind !== 'declared');
}

/** The full use each `target` meets. */
function uses(statements: string): (ValueUse | null)[] {
  return probeNodes(PRELUDE + statements, 'Identifier[name="target"]', (_context, node: TSESTree.Identifier) =>
    node.parent.type === 'VariableDeclarator' && node.parent.id === node ? undefined : valueUse(node),
  ).filter((use) => use !== undefined);
}

describe('valueUse', () => {
  it('finds tests, through &&, ||, ??, !, ?: branches, the last of a sequence and type assertions', () => {
    expect(
      kinds(`
        declare const target: any;
        if (target) {}
        while (!target) {}
        do {} while (cond && target);
        for (; target; ) {}
        const a = target ? 1 : 2;
        if (cond ? target : other) {}
        if (other ?? target) {}
        if (!(cond || !target)) {}
        if ((other, target)) {}
        if (target as boolean) {}
        const b = !!target;
        const c = !target;
      `),
    ).toEqual(['test', 'test', 'test', 'test', 'test', 'test', 'test', 'test', 'test', 'test', 'test', 'test']);
  });

  it('tells the left operand that picks a result (select, nullish) from operands only passed on', () => {
    expect(
      kinds(`
        declare const target: any;
        const a = target || 1;
        const b = target && 1;
        const c = target ?? 1;
        const d = (target || 1) || 2;
        const e = (target ?? 1) || 2;
        const f = cond || target;
        const g = other ?? target;
        const h = (cond && target) || other;
        const i = cond ? target : 1;
        const j = (target, other);
        const k = (other, target);
      `),
    ).toEqual(['select', 'select', 'nullish', 'select', 'nullish', null, null, null, null, null, null]);
  });

  it('finds comparisons, arithmetic and strings', () => {
    expect(
      kinds(`
        declare const target: any;
        const a = target === null;
        const b = 'ready' != target;
        switch (target) { case 'a': break; }
        const c = target < 3;
        const d = 2 >= target;
        const e = target * 2;
        const f = -target;
        total -= target;
        const g = \`id: \${target}\`;
        const h = 'id: ' + target;
        text += target;
        const i = tag\`\${target}\`;
        const j = target instanceof Promise;
        const k = typeof target;
      `),
    ).toEqual([
      'equality',
      'equality',
      'equality',
      'relational',
      'relational',
      'arithmetic',
      'arithmetic',
      'arithmetic',
      'string',
      'string',
      'string',
      null,
      null,
      null,
    ]);
  });

  it('finds spreads, iteration, destructuring, member reads and calls', () => {
    expect(
      kinds(`
        declare const target: any;
        const a = { ...target };
        const b = [...target];
        fn(...target);
        for (const v of target) {}
        const [c] = target;
        for (const key in target) {}
        const { d } = target;
        let e; ({ e } = target);
        const f = target.name;
        const g = target[0];
        const h = 'name' in target;
        target();
        fn(other, target);
        const i = (target as any).name;
        const j = target?.name;
      `),
    ).toEqual([
      'object-spread',
      'iterate',
      'iterate',
      'iterate',
      'iterate',
      'enumerate',
      'destructure',
      'destructure',
      'member',
      'member',
      'member',
      'call',
      'argument',
      'member',
      'member',
    ]);
  });

  it('sees no use where the value is only passed on, written to, or read by a key computed at runtime', () => {
    expect(
      kinds(`
        declare const target: any;
        async function f() {
          await target;
          return target;
        }
        const a = target;
        const b = [target];
        const c = { target };
        target.name = 'x';
        target.count++;
        delete target.cache;
        [target.first] = list;
        ({ x: target.second } = other);
        const d = target[other];
        const e = target as unknown;
        target.then(fn);
      `),
    // The shorthand \`{ target }\` holds the name twice, as key and as value.
    ).toEqual([null, null, null, null, null, null, null, null, null, null, null, null, null, 'member']);
  });

  it('says what is compared, which argument, and which names are read', () => {
    const [equality, argument, destructure, member, computed, rest, caseTest] = uses(`
      declare const target: any;
      const a = target === 'ready';
      fn(1, target);
      const { id, [other]: x } = target;
      const b = target.name;
      const c = target[1];
      const { ...copy } = target;
      switch (target) { default: break; case 2: break; }
    `);
    expect(equality?.kind).toBe('equality');
    expect(equality?.other).toMatchObject({ type: 'Literal', value: 'ready' });
    expect(argument).toMatchObject({ kind: 'argument', index: 1 });
    expect(destructure?.names).toEqual(['id', '[computed]']);
    expect(member?.names).toEqual(['name']);
    expect(computed?.names).toEqual(['1']);
    expect(rest?.names).toEqual(['...']);
    expect(caseTest?.other).toMatchObject({ type: 'Literal', value: 2 });
  });
});

describe('usesAt', () => {
  it('reports a chain of logical operators once, at the outermost', () => {
    const counts = probeNodes(`${PRELUDE}declare const target: any;\nconst a = ((target || 1) || 2) || 3;`, 'LogicalExpression', (_context, node: TSESTree.LogicalExpression) =>
      usesAt(node).length,
    );
    expect(counts).toEqual([1, 0, 0]);
  });

  it('leaves a `!` or `||` inside a test to the test that looks through it', () => {
    const counts = probeNodes(`${PRELUDE}if (!(cond || other)) {}`, ':matches(UnaryExpression, LogicalExpression, IfStatement)', (_context, node) =>
      usesAt(node).length,
    );
    // if: `cond` and `other`; the `!` and the `||` add nothing.
    expect(counts).toEqual([2, 0, 0]);
  });

  it('uses nothing in statements and expressions without operands of interest', () => {
    const counts = probeNodes('let other: unknown = 1; void other; other = 2;', ':matches(VariableDeclarator, UnaryExpression, AssignmentExpression)', (_context, node) =>
      usesAt(node).length,
    );
    expect(counts).toEqual([0, 0, 0]);
  });
});

describe('isInTestPosition', () => {
  it('is true for what a test looks through, false for values passed on', () => {
    const results = probeNodes(
      `${PRELUDE}
      if (cond && other) {}
      const a = cond && other;
      while (!(cond || other)) {}
      const b = cond ? (other || cond) : 1;
      const c = (cond ? other : cond) ? 1 : 2;
      `,
      'LogicalExpression',
      (_context, node: TSESTree.LogicalExpression) => isInTestPosition(node),
    );
    expect(results).toEqual([true, false, true, false]);
  });
});

describe('readsOnlyPromiseMembers', () => {
  it('accepts the members a promise has, and nothing else', () => {
    const [then, name, both] = uses(`
      declare const target: any;
      const a = target.then;
      const b = target.name;
      const { then, id } = target;
    `);
    expect(then && readsOnlyPromiseMembers(then)).toBe(true);
    expect(name && readsOnlyPromiseMembers(name)).toBe(false);
    expect(both && readsOnlyPromiseMembers(both)).toBe(false);
    expect(PROMISE_MEMBERS.has('finally')).toBe(true);
    expect(PROMISE_MEMBERS.has('name')).toBe(false);
  });
});

describe('unawaitedCall', () => {
  it('finds the call behind a call expression or a variable given one once', () => {
    const results = probeNodes(
      `
      declare function load(): Promise<number>;
      declare const client: { connect(): Promise<void> } | undefined;
      async function run() {
        const fresh = load();
        const awaited = await load();
        let later = load();
        later = load();
        const copy = fresh;
        let next;
        fn(load(), client?.connect(), fresh, awaited, later, copy, (next = load()));
      }
      declare function fn(...args: unknown[]): unknown;
      `,
      'CallExpression[callee.name="fn"] > :not(Identifier[name="fn"])',
      (context, node: TSESTree.Expression) => {
        const call = unawaitedCall(context.sourceCode, node);
        return call ? context.sourceCode.getText(call) : null;
      },
    );
    expect(results).toEqual(['load()', 'client?.connect()', 'load()', null, null, null, 'load()']);
  });
});
