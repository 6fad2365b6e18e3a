import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { catchInsideFix, effectFix, forOfFix, promiseAllFix, promiseAllForEachFix } from '../../lib/callback-fixes.js';
import { getPromiseOracle } from '../../lib/promise-oracle.js';
import { lintReports, type Context } from './probe.js';

type FixFn = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];
type Make = (context: Context, call: TSESTree.CallExpression) => FixFn | null;

const PRELUDE = `declare function save(id: string): Promise<void>;\ndeclare function log(x: unknown): void;\n`;

/** Applies the fix `make` builds for the first call whose callee ends in `.forEach`/`.on`/`.map`/`register`; null when it builds none. */
function apply(body: string, make: Make): string | null {
  const code = PRELUDE + body;
  const seen = { target: false };
  const reports = lintReports(code, (context) => ({
    CallExpression(call) {
      if (seen.target) return;
      const callee = call.callee;
      const name = callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : callee.type === AST_NODE_TYPES.Identifier ? callee.name : '';
      if (!['forEach', 'on', 'map', 'register', 'useEffect'].includes(name)) return;
      seen.target = true;
      const fix = make(context, call);
      if (fix) context.report({ node: call, message: 'probe', fix } as unknown as Parameters<Context['report']>[0]);
    },
  }));
  if (!seen.target) throw new Error(`no target call in:\n${code}`);
  const [report] = reports;
  if (!report?.fix) return null;
  const { range, text } = report.fix;
  return (code.slice(0, range[0]) + text + code.slice(range[1])).slice(PRELUDE.length);
}

function callbackOf(call: TSESTree.CallExpression) {
  const fn = call.arguments.find(
    (argument): argument is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression =>
      argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression,
  );
  if (!fn) throw new Error('no callback');
  return fn;
}

const forOf: Make = (context, call) => {
  const oracle = getPromiseOracle(context);
  return forOfFix(context.sourceCode, call, callbackOf(call), (expression) => oracle.isPromise(expression) === 'yes');
};

describe('forOfFix', () => {
  it('turns forEach into a loop that awaits', () => {
    expect(apply(`export async function f(ids: string[]) {\n  ids.forEach(async (id) => {\n    await save(id);\n  });\n}`, forOf)).toBe(
      `export async function f(ids: string[]) {\n  for (const id of ids) {\n    await save(id);\n  }\n}`,
    );
  });

  it('keeps the index with entries(), drops annotations, turns return into continue', () => {
    expect(
      apply(`export async function f(rows: string[]) {\n  rows.forEach(async ({ length }: string, i: number) => {\n    if (!length) return;\n    log(i);\n  });\n}`, forOf),
    ).toBe(`export async function f(rows: string[]) {\n  for (const [i, { length }] of rows.entries()) {\n    if (!length) continue;\n    log(i);\n  }\n}`);
  });

  it('awaits a promise body, leaves other bodies as statements', () => {
    expect(apply(`export async function f(ids: string[]) {\n  ids.forEach(async (id) => save(id));\n}`, forOf)).toBe(
      `export async function f(ids: string[]) {\n  for (const id of ids) { await save(id); }\n}`,
    );
    expect(apply(`export async function f(ids: string[]) {\n  ids.forEach(async (id) => log(id));\n}`, forOf)).toBe(
      `export async function f(ids: string[]) {\n  for (const id of ids) { log(id); }\n}`,
    );
    expect(apply(`export async function f(ids: string[]) {\n  await ids.forEach(async (id) => await save(id));\n}`, forOf)).toBe(
      `export async function f(ids: string[]) {\n  for (const id of ids) { await save(id); }\n}`,
    );
  });

  it('parenthesises a receiver that needs it', () => {
    expect(apply(`export async function f(a: string[], b: string[]) {\n  (a.length ? a : b).forEach(async (id) => save(id));\n}`, forOf)).toBe(
      `export async function f(a: string[], b: string[]) {\n  for (const id of (a.length ? a : b)) { await save(id); }\n}`,
    );
  });

  it('declines where the loop would mean something else', () => {
    const declined = [
      // `return value` has no loop equivalent.
      `export async function f(ids: string[]) { ids.forEach(async (id) => { if (!id) return 1; await save(id); }); }`,
      // `continue` inside a nested loop would continue that loop.
      `export async function f(ids: string[]) { ids.forEach(async (id) => { for (const c of id) { if (c) return; } await save(id); }); }`,
      // A function expression has its own \`this\`.
      `export async function f(ids: string[]) { ids.forEach(async function (id) { await save(id); }); }`,
      // The third parameter (the array) has no loop equivalent.
      `export async function f(ids: string[]) { ids.forEach(async (id, i, all) => { await save(all[i] ?? id); }); }`,
      // The receiver reads the loop variable's name.
      `export async function f(id: { parts: string[] }) { id.parts.forEach(async (id) => { await save(id); }); }`,
      // Not a statement of its own, optional receiver, default value, thisArg.
      `export async function f(ids: string[]) { const x = ids.forEach(async (id) => { await save(id); }); return x; }`,
      `export async function f(ids?: string[]) { ids?.forEach(async (id) => { await save(id); }); }`,
      `export async function f(ids: string[]) { ids.forEach(async (id = 'x') => { await save(id); }); }`,
      `export async function f(ids: string[]) { ids.forEach(async (id) => { await save(id); }, null); }`,
      // An object literal body.
      `export async function f(ids: string[]) { ids.forEach(async (id) => ({ id })); }`,
    ];
    for (const code of declined) expect(apply(code, forOf), code).toBeNull();
  });
});

describe('promiseAllForEachFix', () => {
  const all: Make = (_context, call) => promiseAllForEachFix(call);

  it('keeps the callbacks concurrent and waits for all of them', () => {
    expect(apply(`export async function f(ids: string[]) {\n  ids.forEach(async (id) => save(id));\n}`, all)).toBe(
      `export async function f(ids: string[]) {\n  await Promise.all(ids.map(async (id) => save(id)));\n}`,
    );
    expect(apply(`export async function f(ids: string[]) {\n  await ids.forEach(async (id) => save(id));\n}`, all)).toBe(
      `export async function f(ids: string[]) {\n  await Promise.all(ids.map(async (id) => save(id)));\n}`,
    );
  });

  it('declines optional and computed callees, and calls that are not statements', () => {
    expect(apply(`export async function f(ids?: string[]) { ids?.forEach(async (id) => save(id)); }`, all)).toBeNull();
    expect(apply(`export async function f(ids: string[]) { return ids.forEach(async (id) => save(id)); }`, all)).toBeNull();
  });
});

describe('promiseAllFix', () => {
  const all: Make = (context, call) => promiseAllFix(context.sourceCode, call);

  it('waits where the array is made, with parentheses before a member access', () => {
    expect(apply(`export async function f(ids: string[]) { return ids.map((id) => save(id)).length; }`, all)).toBe(
      `export async function f(ids: string[]) { return (await Promise.all(ids.map((id) => save(id)))).length; }`,
    );
    expect(apply(`export async function f(ids: string[]) { await ids.map((id) => save(id)); }`, all)).toBe(
      `export async function f(ids: string[]) { await Promise.all(ids.map((id) => save(id))); }`,
    );
    expect(apply(`export async function f(ids: string[]) { const all = ids.map((id) => save(id)); return all; }`, all)).toBe(
      `export async function f(ids: string[]) { const all = await Promise.all(ids.map((id) => save(id))); return all; }`,
    );
  });
});

describe('catchInsideFix', () => {
  const inside =
    (handler = 'console.error'): Make =>
    (context, call) => {
      const oracle = getPromiseOracle(context);
      return catchInsideFix(context.sourceCode, callbackOf(call), handler, (node) => oracle.isPromise(node) === 'yes');
    };

  it('appends .catch to a promise body', () => {
    expect(apply(`bus.on('a', async (id: string) => save(id));`, inside())).toBe(`bus.on('a', async (id: string) => save(id).catch(console.error));`);
    expect(apply(`bus.on('a', async (id: string) => await save(id));`, inside('report'))).toBe(`bus.on('a', async (id: string) => save(id).catch(report));`);
    expect(apply(`bus.on('a', (id: string) => (id ? save(id) : save('x')));`, inside())).toBe(
      `bus.on('a', (id: string) => (id ? save(id) : save('x')).catch(console.error));`,
    );
  });

  it('wraps other expression bodies in try/catch', () => {
    expect(apply(`bus.on('a', async (id: string) => log(await save(id)));`, inside())).toBe(
      `bus.on('a', async (id: string) => { try { log(await save(id)); } catch (error) { console.error(error); } });`,
    );
  });

  it('wraps a block body, re-indented, in try/catch', () => {
    expect(apply(`bus.on('a', async (id: string) => {\n  await save(id);\n\n  log(id);\n});`, inside())).toBe(
      `bus.on('a', async (id: string) => {\n  try {\n    await save(id);\n\n    log(id);\n  } catch (error) {\n    console.error(error);\n  }\n});`,
    );
    expect(apply(`bus.on('a', async () => { await save('a'); });`, inside())).toBe(
      `bus.on('a', async () => { try { await save('a'); } catch (error) { console.error(error); } });`,
    );
  });

  it('leaves multi-line template literals as they are', () => {
    expect(apply(`bus.on('a', async (id: string) => {\n  await save(\`line one\nline two \${id}\`);\n});`, inside())).toBe(
      `bus.on('a', async (id: string) => {\n  try {\n    await save(\`line one\nline two \${id}\`);\n  } catch (error) {\n    console.error(error);\n  }\n});`,
    );
  });

  it('picks another name when the handler uses `error`', () => {
    expect(apply(`bus.on('a', async () => { await save('a'); });`, inside('(e) => error(e)'))).toBe(
      `bus.on('a', async () => { try { await save('a'); } catch (caught) { ((e) => error(e))(caught); } });`,
    );
  });

  it('declines empty bodies and object literal bodies', () => {
    expect(apply(`bus.on('a', async () => {});`, inside())).toBeNull();
    expect(apply(`bus.on('a', async () => ({ ok: true }));`, inside())).toBeNull();
  });
});

describe('effectFix', () => {
  const effect: Make = (context, call) => effectFix(context.sourceCode, callbackOf(call), 'report');

  it('moves the async work inside a sync effect', () => {
    expect(apply(`useEffect(async () => { await save('a'); }, []);`, effect)).toBe(
      `useEffect(() => { (async () => { await save('a'); })().catch(report); }, []);`,
    );
    expect(apply(`useEffect(async () => save('a'));`, effect)).toBe(`useEffect(() => { (async () => (save('a')))().catch(report); });`);
  });

  it('declines callbacks with parameters and non-async ones', () => {
    expect(apply(`useEffect(async (x: unknown) => save(String(x)));`, effect)).toBeNull();
    expect(apply(`useEffect(() => { void save('a'); });`, effect)).toBeNull();
  });
});
