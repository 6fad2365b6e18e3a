import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { enclosingFunction } from '../../lib/async-context.js';
import { awaitsBefore, endsFunction, exitCodeReplacement, exitsFromAwaitedCatch, isDeliberateShutdown, isProcessExitCall, isSignalHandler, pendingPromiseBefore, skippedCleanup } from '../../lib/process-exit.js';
import { getPromiseOracle } from '../../lib/promise-oracle.js';
import { probeNodes, type LintOptions } from './probe.js';

/** For every call whose callee ends in `exit`: is it Node's `process.exit`? */
function exits(code: string, options?: LintOptions): boolean[] {
  return probeNodes<boolean, TSESTree.CallExpression>(
    code,
    'CallExpression[callee.name="exit"], CallExpression[callee.property.name="exit"]',
    (context, call) => isProcessExitCall(context.sourceCode, call),
    options,
  );
}

/** For every `process.exit(...)`: the pending promise before it, as `line:text` or `name@line`. */
function pending(code: string, options?: LintOptions): (string | null)[] {
  return probeNodes<string | null, TSESTree.CallExpression>(
    code,
    'CallExpression[callee.property.name="exit"]',
    (context, call) => {
      const found = pendingPromiseBefore(getPromiseOracle(context), context.sourceCode, call);
      if (!found) return null;
      const line = String(found.node.loc.start.line);
      return found.variable === null ? `${line}:${context.sourceCode.getText(found.node)}` : `${found.variable}@${line}`;
    },
    options,
  );
}

function replacements(code: string): (string | null)[] {
  return probeNodes<string | null, TSESTree.CallExpression>(code, 'CallExpression[callee.property.name="exit"]', (context, call) => {
    const replacement = exitCodeReplacement(context.sourceCode, call);
    return replacement ? `${replacement.node.type}: ${replacement.text}` : null;
  });
}

describe('isProcessExitCall', () => {
  it('knows the global, globalThis, node:process imports and require', () => {
    expect(
      exits(`
import proc from 'node:process';
import { exit } from 'process';
process.exit(1);
globalThis.process.exit(1);
proc.exit(1);
exit(1);
`),
    ).toEqual([true, true, true, true]);
    expect(exits(`require('process').exit(0); const p = require('node:process'); p.exit(0);`, { sourceType: 'commonjs' })).toEqual([
      true,
      true,
    ]);
  });

  it('ignores local look-alikes', () => {
    expect(
      exits(`
import { exit } from './cli';
const process = { exit(code: number) { return code; } };
exit(1);
process.exit(1);
window.exit();
`),
    ).toEqual([false, false, false]);
  });
});

describe('isSignalHandler', () => {
  it('is true for process signal listeners only', () => {
    const code = `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
process.on('SIGTERM', async () => {});
process.once('SIGINT', () => {});
process.on('exit', () => {});
bus.on('SIGTERM', () => {});
`;
    const results = probeNodes<boolean, TSESTree.ArrowFunctionExpression>(code, 'ArrowFunctionExpression', (context, fn) =>
      isSignalHandler(context.sourceCode, fn),
    );
    expect(results).toEqual([true, true, false, false]);
  });
});

describe('pendingPromiseBefore', () => {
  const api = `
async function upload(file: string) {}
async function flush(): Promise<void> {}
`;

  it('finds dropped, voided, mapped and handled promises in earlier statements of the same function', () => {
    expect(
      pending(`
function a() { upload('x'); process.exit(0); }
function b() { void flush(); process.exit(0); }
function c(files: string[]) { files.map(async (f) => upload(f)); process.exit(0); }
function d() { flush().catch(console.error); process.exit(0); }
function e(files: string[]) { for (const f of files) { if (f) upload(f); } process.exit(0); }
function f() { try { upload('y'); } finally { console.log('x'); } process.exit(0); }
${api}`),
    ).toEqual(["2:upload('x')", '3:flush()', '4:files.map(async (f) => upload(f))', '5:flush().catch(console.error)', '6:upload(f)', "7:upload('y')"]);
  });

  it('finds a stored promise nobody read before the exit', () => {
    expect(
      pending(`
function a(fail: boolean) {
  const done = flush();
  if (fail) process.exit(1);
  return done;
}
${api}`),
    ).toEqual(['done@3']);
  });

  it('ignores awaited, read, later and nested work', () => {
    expect(
      pending(`
async function a() { await upload('x'); process.exit(0); }
function b() { const p = flush(); p.then(() => {}, () => {}); process.exit(0); }
function c() { process.exit(0); upload('late'); }
function d() { const later = () => upload('x'); process.exit(0); }
function e() { upload('x'); return () => process.exit(0); }
function f(task: { run(): unknown }) { task.run(); process.exit(0); }
${api}`),
    ).toEqual([null, '3:p.then(() => {}, () => {})', null, null, null, null]);
  });

  it('uses the checker when there is one', () => {
    const code = `
declare const api: Record<string, () => Promise<void>>;
export function stop() { api.flush(); process.exit(0); }
`;
    expect(pending(code)).toEqual([null]);
    expect(pending(code, { typed: true })).toEqual(['3:api.flush()']);
  });
});

describe('isDeliberateShutdown', () => {
  it('sees awaited cleanup and a set exit code before the exit, in earlier statements and try blocks', () => {
    const results = probeNodes<boolean, TSESTree.CallExpression>(
      `
declare const server: { close(): Promise<void>; listen(): Promise<void> };
export async function a() { try { await server.close(); } finally { process.exit(); } }
export async function b() { await closeDatabase(); process.exit(0); }
export async function c() { if (true) { process.exitCode = 2; } process.exit(); }
export async function d() { await server.listen(); process.exit(0); }
export async function e() { process.exit(0); await server.close(); }
export async function f() { const later = async () => { await server.close(); }; process.exit(0); }
export function g() { Promise.resolve(server.close()).finally(() => process.exit(0)); }
export function h() { server.listen().then(() => process.exit(0)); }
declare function closeDatabase(): Promise<void>;
`,
      'CallExpression[callee.property.name="exit"]',
      (context, call) => isDeliberateShutdown(context.sourceCode, call),
    );
    expect(results).toEqual([true, true, true, false, false, false, true, false]);
  });
});

describe('awaitsBefore', () => {
  it('is true only for an await earlier in the same function', () => {
    const results = probeNodes<boolean, TSESTree.CallExpression>(
      `
export async function a(ok: boolean) { if (!ok) process.exit(1); await Promise.resolve(); }
export async function b() { await Promise.resolve(); process.exit(0); }
export async function c(items: AsyncIterable<number>) { for await (const item of items) console.log(item); process.exit(0); }
export async function d() { const later = async () => { await Promise.resolve(); }; process.exit(0); return later; }
export async function e() { if (await Promise.resolve(true)) process.exit(0); }
`,
      'CallExpression[callee.property.name="exit"]',
      (context, call) => awaitsBefore(context.sourceCode, call),
    );
    expect(results).toEqual([false, true, true, false, true]);
  });
});

describe('skippedCleanup and endsFunction', () => {
  it('finds the finally or using that an exit would skip, and whether the exit ends its function', () => {
    const results = probeNodes<string, TSESTree.CallExpression>(
      `
declare function open(): Disposable;
export function a() { try { process.exit(1); } finally { console.log('x'); } }
export function b() { try { JSON.parse('{'); } catch { process.exit(1); } finally { console.log('x'); } }
export function c() { try { JSON.parse('{'); } finally { process.exit(1); } }
export function d() { using handle = open(); process.exit(1); }
export function e(x: boolean) { if (x) process.exit(1); console.log(x); }
export function f(x: boolean) { console.log(x); if (x) { process.exit(1); } }
`,
      'CallExpression[callee.property.name="exit"]',
      (_context, call) => `${skippedCleanup(call)?.type ?? '-'} ${String(endsFunction(call))}`,
    );
    expect(results).toEqual([
      'BlockStatement true',
      'BlockStatement false',
      '- true',
      'VariableDeclaration true',
      '- false',
      '- true',
    ]);
  });
});

describe('exitCodeReplacement', () => {
  it('sets the exit code and returns unless the call is the last thing that runs', () => {
    expect(
      replacements(`
export function a() { process.exit(1); }
export function b(x: boolean) { if (x) process.exit(2); console.log(x); }
export function c(x: boolean) { if (x) { process.exit(3); } }
export function d(items: number[]) { for (const i of items) { process.exit(i); } }
export function e() { process.exit(); }
export const f = () => process.exit(4);
export const g = (x: boolean) => x || process.exit(5);
`),
    ).toEqual([
      'ExpressionStatement: process.exitCode = 1;',
      'ExpressionStatement: { process.exitCode = 2; return; }',
      'ExpressionStatement: process.exitCode = 3;',
      'ExpressionStatement: process.exitCode = i; return;',
      'ExpressionStatement: ',
      'CallExpression: { process.exitCode = 4; }',
      null,
    ]);
  });

  it('not where the function must still return a value: the end it would reach has none', () => {
    expect(
      replacements(`
export function a(): never { process.exit(1); }
export function b(x: string | undefined): string { if (!x) process.exit(2); return x; }
export function c(x?: string) { if (!x) process.exit(3); return x; }
export const d = (): never => process.exit(4);
export function e(): void { process.exit(5); }
export async function f(x: boolean): Promise<void> { if (x) process.exit(6); await Promise.resolve(); }
export function g(x?: string): string | undefined { if (!x) process.exit(7); }
export function h(items: string[]) { items.forEach((item) => { if (!item) process.exit(8); }); return items.length; }
`),
    ).toEqual([
      null,
      null,
      null,
      null,
      'ExpressionStatement: process.exitCode = 5;',
      'ExpressionStatement: { process.exitCode = 6; return; }',
      'ExpressionStatement: { process.exitCode = 7; }',
      'ExpressionStatement: { process.exitCode = 8; }',
    ]);
  });

  it('at top level, only when nothing but declarations follows', () => {
    expect(replacements(`process.exit(1);\nfunction later() {}\ninterface Shape { x: number }`)).toEqual([
      'ExpressionStatement: process.exitCode = 1;',
    ]);
    expect(replacements(`process.exit(1);\nconsole.log('after');`)).toEqual([null]);
  });

  it('keeps the enclosing function tied to the call', () => {
    const seen = probeNodes<string | null, TSESTree.CallExpression>(
      `export function outer() { process.exit(1); }`,
      'CallExpression[callee.property.name="exit"]',
      (_context, call) => enclosingFunction(call)?.type ?? null,
    );
    expect(seen).toEqual(['FunctionDeclaration']);
  });
});

describe('exitsFromAwaitedCatch', () => {
  it('knows exits in the catch of a try that awaited, in the same function', () => {
    const found = probeNodes<boolean, TSESTree.CallExpression>(
      `declare function work(): Promise<void>;
async function a() { try { await work(); } catch { process.exit(1); } }
async function b() { try { JSON.parse(''); } catch { process.exit(1); } }
async function c() { try { await work(); } catch { setTimeout(() => process.exit(1)); } }
async function d() { try { await work(); } finally { process.exit(1); } }`,
      'CallExpression[callee.property.name="exit"]',
      (context, call) => exitsFromAwaitedCatch(context.sourceCode, call),
    );
    expect(found).toEqual([true, false, false, false]);
  });
});
