import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { parse } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { appendCatch, awaitAll, insertAwait, isParenthesized, operandText, prefixReturn } from '../../lib/fixes.js';
import { lintReports, probeNodes, type Context } from './probe.js';

type MakeFix = (fixer: TSESLint.RuleFixer, context: Context, statement: TSESTree.ExpressionStatement) => TSESLint.RuleFix;

/**
 * Applies `makeFix` to each expression statement in the body of `async function run`,
 * one at a time, and returns each fixed program.
 */
function fixEach(code: string, makeFix: MakeFix): string[] {
  const messages = lintReports(code, (context) => ({
    'FunctionDeclaration[id.name="run"] > BlockStatement > ExpressionStatement'(statement: TSESTree.ExpressionStatement) {
      context.report({ node: statement, message: 'fix', fix: (fixer) => makeFix(fixer, context, statement) } as never);
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
  if (statement?.type !== 'ExpressionStatement') throw new Error(`not an expression statement: ${statement?.type}`);
  return statement.expression;
}

/** One statement per operand shape that precedence cares about. */
const OPERANDS = [
  { source: 'flag ? save() : load();', type: 'ConditionalExpression', text: '(flag ? save() : load())' },
  { source: 'cached || load();', type: 'LogicalExpression', text: '(cached || load())' },
  { source: 'new Job;', type: 'NewExpression', text: '(new Job)' },
  { source: 'new Job();', type: 'NewExpression', text: 'new Job()' },
  { source: 'new Job<void>(1, 2);', type: 'NewExpression', text: 'new Job<void>(1, 2)' },
  { source: 'new (makeJob());', type: 'NewExpression', text: '(new (makeJob()))' },
  { source: 'new (makeJob())();', type: 'NewExpression', text: 'new (makeJob())()' },
  { source: '(flag ? save() : load());', type: 'ConditionalExpression', text: '(flag ? save() : load())' },
  { source: '((cached || load()));', type: 'LogicalExpression', text: '(cached || load())' },
  { source: 'load() as Promise<void>;', type: 'TSAsExpression', text: '(load() as Promise<void>)' },
  { source: '(load(), save());', type: 'SequenceExpression', text: '(load(), save())' },
  { source: 'load().then(save);', type: 'CallExpression', text: 'load().then(save)' },
  { source: 'jobs[0]!;', type: 'TSNonNullExpression', text: 'jobs[0]!' },
  { source: 'async () => {};', type: 'ArrowFunctionExpression', text: '(async () => {})' },
  { source: 'import("./store.js");', type: 'ImportExpression', text: 'import("./store.js")' },
] as const;

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

const RUN_STATEMENT = 'FunctionDeclaration[id.name="run"] > BlockStatement > ExpressionStatement';

describe('operandText', () => {
  it('parenthesises operands that bind looser than a member access, once', () => {
    const texts = probeNodes(code, RUN_STATEMENT, (context, statement: TSESTree.ExpressionStatement) =>
      operandText(context.sourceCode, statement.expression),
    );
    expect(texts).toEqual(OPERANDS.map((operand) => operand.text));
  });
});

describe('isParenthesized', () => {
  it('sees the parentheses around a node, not those of a call it is the argument of', () => {
    const answers = probeNodes(
      program('(load());\n  save(load());\n  load();\n  (a) + b;\n  void (flag ? save() : load());'),
      `${RUN_STATEMENT} > *`,
      (context, node: TSESTree.Node) => isParenthesized(context.sourceCode, node),
    );
    expect(answers).toEqual([true, false, false, false, false]);
  });
});

describe('fixes keep the meaning and the code parses', () => {
  it('insertAwait awaits the whole operand', () => {
    const outputs = fixEach(code, (fixer, context, statement) => insertAwait(fixer, context.sourceCode, statement.expression));
    expect(outputs).toHaveLength(OPERANDS.length);
    outputs.forEach((output, index) => {
      const operand = OPERANDS[index];
      expect(output).toContain(`await ${operand?.text}`);
      const expression = expressionOf(runBody(output)[index]);
      expect(expression.type).toBe('AwaitExpression');
      expect(expression.type === 'AwaitExpression' && expression.argument.type).toBe(operand?.type);
    });
  });

  it('appendCatch handles the whole operand', () => {
    const outputs = fixEach(code, (fixer, context, statement) =>
      appendCatch(fixer, context.sourceCode, statement.expression, 'console.error'),
    );
    expect(outputs).toHaveLength(OPERANDS.length);
    outputs.forEach((output, index) => {
      const operand = OPERANDS[index];
      expect(output).toContain(`${operand?.text}.catch(console.error)`);
      const expression = expressionOf(runBody(output)[index]);
      expect(expression.type).toBe('CallExpression');
      if (expression.type !== 'CallExpression' || expression.callee.type !== 'MemberExpression') throw new Error(output);
      expect(expression.callee.property.type === 'Identifier' && expression.callee.property.name).toBe('catch');
      expect(expression.callee.object.type).toBe(operand?.type);
      expect(expression.arguments.map((argument) => argument.type)).toEqual(['MemberExpression']);
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
