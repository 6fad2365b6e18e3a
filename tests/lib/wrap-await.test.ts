import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { wrapAwait } from '../../lib/fixes.js';
import { lintReports } from './probe.js';

/** The operand that binds tighter than `await` in each statement: the object, the callee, the base of `**`. */
function operandOf(statement: TSESTree.ExpressionStatement): TSESTree.Node {
  const { expression } = statement;
  switch (expression.type) {
    case 'MemberExpression':
      return expression.object;
    case 'CallExpression':
      return expression.callee;
    case 'BinaryExpression':
      return expression.left;
    default:
      throw new Error(`no operand in ${expression.type}`);
  }
}

/** Applies `wrapAwait` to the operand of each statement of `run`, one at a time. */
function wrapEach(code: string): string[] {
  const messages = lintReports(code, (context) => ({
    'FunctionDeclaration[id.name="run"] > BlockStatement > ExpressionStatement'(statement: TSESTree.ExpressionStatement) {
      const node = operandOf(statement);
      const report = context.report as unknown as (descriptor: {
        node: TSESTree.Node;
        message: string;
        fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
      }) => void;
      report({ node, message: 'wrap', fix: (fixer) => wrapAwait(fixer, context.sourceCode, node) });
    },
  }));
  return messages.map((message) => {
    const { fix } = message;
    if (!fix) throw new Error('no fix');
    return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
  });
}

describe('wrapAwait', () => {
  it('parenthesizes the awaited operand of a member access, a call and `**`', () => {
    const code = `declare function load(): Promise<any>;
declare const flag: boolean;
async function run() {
  load().name;
  load()();
  (load() as any) ** 2;
  (flag ? load() : load()).name;
  (load()).name;
}
`;
    const original = code.split('\n');
    const lines = wrapEach(code).map((text) => text.split('\n').find((line, index) => line !== original[index]));
    expect(lines).toEqual([
      '  (await load()).name;',
      '  (await load())();',
      '  (await (load() as any)) ** 2;',
      '  (await (flag ? load() : load())).name;',
      '  (await load()).name;',
    ]);
  });
});
