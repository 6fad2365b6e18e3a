import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { parse } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { appendCatch, awaitAll, insertAwait, prefixReturn, wrapCatch } from '../../lib/fixes.js';
import { lintReports, type Context } from './probe.js';

type MakeFix = (fixer: TSESLint.RuleFixer, context: Context, statement: TSESTree.ExpressionStatement) => TSESLint.RuleFix;

/**
 * Applies `makeFix` to each expression statement in the body of `async function run`,
 * one at a time, and returns each fixed program.
 */
function fixEach(code: string, makeFix: MakeFix): string[] {
  const messages = lintReports(code, (context) => ({
    'FunctionDeclaration[id.name="run"] > BlockStatement > ExpressionStatement'(statement: TSESTree.ExpressionStatement) {
      // A raw `message` (this throwaway rule has no messageIds), which TSESLint's types do not model.
      const report = context.report as unknown as (descriptor: {
        node: TSESTree.Node;
        message: string;
        fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
      }) => void;
      report({ node: statement, message: 'fix', fix: (fixer) => makeFix(fixer, context, statement) });
    },
  }));
  return messages.map((message) => {
    const { fix } = message;
    if (!fix) throw new Error('no fix');
    return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
  });
}

/** The statements of `run` in a program; throws when the program does not parse. */
function runBody(code: string): TSESTree.Statement[] {
  const program = parse(code, { sourceType: 'module', range: true });
  for (const statement of program.body) {
    const fn = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (fn?.type === 'FunctionDeclaration' && fn.id?.name === 'run') return fn.body.body;
  }
  throw new Error('no function run');
}

function expressionOf(statement: TSESTree.Statement | undefined): TSESTree.Expression {
  if (statement?.type !== 'ExpressionStatement') throw new Error(`not an expression statement: ${statement?.type ?? 'none'}`);
  return statement.expression;
}

/**
 * One statement per operand shape that precedence cares about. `awaited` and
 * `caught` are the fixed statements where only one spelling is right; for
 * operands the source already parenthesises, any spelling with the right tree will do.
 */
const OPERANDS: readonly { source: string; type: string; awaited?: string; caught?: string }[] = [
  {
    source: 'flag ? save() : load();',
    type: 'ConditionalExpression',
    awaited: 'await (flag ? save() : load());',
    caught: '(flag ? save() : load()).catch(console.error);',
  },
  {
    source: 'cached || load();',
    type: 'LogicalExpression',
    awaited: 'await (cached || load());',
    caught: '(cached || load()).catch(console.error);',
  },
  { source: 'new Job;', type: 'NewExpression', caught: '(new Job).catch(console.error);' },
  { source: 'new Job();', type: 'NewExpression', awaited: 'await new Job();', caught: 'new Job().catch(console.error);' },
  { source: 'new Job<void>(1, 2);', type: 'NewExpression', caught: 'new Job<void>(1, 2).catch(console.error);' },
  { source: 'new (makeJob());', type: 'NewExpression' },
  { source: 'new (makeJob())();', type: 'NewExpression', caught: 'new (makeJob())().catch(console.error);' },
  { source: '(flag ? save() : load());', type: 'ConditionalExpression' },
  { source: '((cached || load()));', type: 'LogicalExpression' },
  { source: 'load() as Promise<void>;', type: 'TSAsExpression', caught: '(load() as Promise<void>).catch(console.error);' },
  { source: '(load(), save());', type: 'SequenceExpression' },
  {
    source: 'load().then(save);',
    type: 'CallExpression',
    awaited: 'await load().then(save);',
    caught: 'load().then(save).catch(console.error);',
  },
  { source: 'jobs[0]!;', type: 'TSNonNullExpression', awaited: 'await jobs[0]!;', caught: 'jobs[0]!.catch(console.error);' },
  { source: 'async () => {};', type: 'ArrowFunctionExpression', caught: '(async () => {}).catch(console.error);' },
  {
    source: 'import("./store.js");',
    type: 'ImportExpression',
    awaited: 'await import("./store.js");',
    caught: 'import("./store.js").catch(console.error);',
  },
];

const program = (statements: string): string => `
declare const flag: boolean;
declare const cached: Promise<void> | undefined;
declare const jobs: Promise<void>[];
declare function save(): Promise<void>;
declare function load(): Promise<void>;
class Job<T = unknown> { constructor(...args: T[]) {} then(resolve: () => void) { resolve(); } }
declare function makeJob(): typeof Job;
export async function run() {
  ${statements}
}
`;

const code = program(OPERANDS.map((operand) => operand.source).join('\n  '));

/** The fixed statement as it reads in the output (the fix may add text on either side). */
function fixedLine(output: string, index: number): string {
  const statement = runBody(output)[index];
  if (!statement) throw new Error(`no statement ${String(index)}`);
  return output.slice(statement.range[0], statement.range[1]);
}

describe('fixes keep the meaning and the code parses', () => {
  it('insertAwait awaits the whole operand', () => {
    const outputs = fixEach(code, (fixer, context, statement) => insertAwait(fixer, context.sourceCode, statement.expression));
    expect(outputs).toHaveLength(OPERANDS.length);
    outputs.forEach((output, index) => {
      const operand = OPERANDS[index];
      if (!operand) throw new Error('missing operand');
      if (operand.awaited) expect(fixedLine(output, index)).toBe(operand.awaited);
      const expression = expressionOf(runBody(output)[index]);
      expect(expression.type, fixedLine(output, index)).toBe('AwaitExpression');
      expect(expression.type === 'AwaitExpression' && expression.argument.type, fixedLine(output, index)).toBe(operand.type);
    });
  });

  it('appendCatch handles the whole operand', () => {
    const outputs = fixEach(code, (fixer, context, statement) =>
      appendCatch(fixer, context.sourceCode, statement.expression, 'console.error'),
    );
    expect(outputs).toHaveLength(OPERANDS.length);
    outputs.forEach((output, index) => {
      const operand = OPERANDS[index];
      if (!operand) throw new Error('missing operand');
      const line = fixedLine(output, index);
      if (operand.caught) expect(line).toBe(operand.caught);
      const expression = expressionOf(runBody(output)[index]);
      if (expression.type !== 'CallExpression' || expression.callee.type !== 'MemberExpression') throw new Error(line);
      expect(expression.callee.property.type === 'Identifier' && expression.callee.property.name, line).toBe('catch');
      expect(expression.callee.object.type, line).toBe(operand.type);
      expect(expression.arguments.map((argument) => argument.type), line).toEqual(['MemberExpression']);
    });
  });

  it('appendCatch inside void keeps the void', () => {
    const source = program('void (flag ? save() : load());\n  void load();');
    const outputs = fixEach(source, (fixer, context, statement) => {
      const expression = statement.expression;
      if (expression.type !== 'UnaryExpression') throw new Error(expression.type);
      return appendCatch(fixer, context.sourceCode, expression.argument, 'report');
    });
    expect(outputs.map((output) => runBody(output).map((statement) => expressionOf(statement).type))).toEqual([
      ['UnaryExpression', 'UnaryExpression'],
      ['UnaryExpression', 'UnaryExpression'],
    ]);
    const [first, second] = outputs;
    const conditional = expressionOf(runBody(first ?? '')[0]);
    expect(conditional.type === 'UnaryExpression' && conditional.argument.type).toBe('CallExpression');
    expect(second).toContain('void load().catch(report);');
  });

  it('wrapCatch wraps a bare thenable in Promise.resolve', () => {
    const source = program('new Job();\n  flag ? new Job() : load();');
    const outputs = fixEach(source, (fixer, context, statement) => wrapCatch(fixer, context.sourceCode, statement.expression, 'report'));
    expect(outputs.map((output, index) => fixedLine(output, index))).toEqual([
      'Promise.resolve(new Job()).catch(report);',
      'Promise.resolve(flag ? new Job() : load()).catch(report);',
    ]);
  });

  it('prefixReturn returns the statement’s value', () => {
    const source = `
      declare function save(): Promise<void>;
      export function run() {
        save().then(() => 1);
      }
    `;
    const [output] = fixEach(source, (fixer, _context, statement) => prefixReturn(fixer, statement));
    expect(output).toContain('return save().then(() => 1);');
    const [statement] = runBody(output ?? '');
    expect(statement?.type === 'ReturnStatement' && statement.argument?.type).toBe('CallExpression');
  });

  it('awaitAll waits for an array of promises', () => {
    const source = `
      declare const ids: string[];
      declare function save(id: string): Promise<void>;
      export async function run() {
        ids.map(async (id) => save(id));
        [save('a'), save('b')];
      }
    `;
    const outputs = fixEach(source, (fixer, context, statement) => awaitAll(fixer, context.sourceCode, statement.expression));
    expect(outputs[0]).toContain('await Promise.all(ids.map(async (id) => save(id)));');
    expect(outputs[1]).toContain("await Promise.all([save('a'), save('b')]);");
    outputs.forEach((output, index) => {
      const expression = expressionOf(runBody(output)[index]);
      expect(expression.type === 'AwaitExpression' && expression.argument.type).toBe('CallExpression');
    });
  });
});
