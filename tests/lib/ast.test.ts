import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { someOwnNode, walkSubtree } from '../../lib/ast.js';
import { probeNodes } from './probe.js';

const code = `
  export async function run(items: string[]) {
    for (const item of items) {
      await save(item);
      items.forEach(async (other) => { await save(other); });
    }
    class Inner { async m() { await save('m'); } }
    return new Inner();
  }
`;

describe('walkSubtree', () => {
  it('visits every node below the root, skips the children of a skipped node, and stops when told', () => {
    const [visited, skipped, stopped] = probeNodes(code, 'FunctionDeclaration', (context, fn: TSESTree.FunctionDeclaration) => {
      const all: string[] = [];
      walkSubtree(fn, context.sourceCode.visitorKeys, (node) => {
        if (node.type === 'AwaitExpression') all.push(node.type);
        return undefined;
      });
      const outside: string[] = [];
      walkSubtree(fn, context.sourceCode.visitorKeys, (node) => {
        if (node.type === 'AwaitExpression') outside.push(node.type);
        return node !== fn && (node.type === 'ArrowFunctionExpression' || node.type === 'ClassBody') ? 'skip' : undefined;
      });
      let seen = 0;
      const stoppedEarly = walkSubtree(fn, context.sourceCode.visitorKeys, () => (++seen === 3 ? 'stop' : undefined));
      return [all.length, outside.length, stoppedEarly && seen === 3];
    })[0] ?? [];
    expect([visited, skipped, stopped]).toEqual([3, 1, true]);
  });
});

describe('someOwnNode', () => {
  it('looks at the root and its own nodes, not into nested functions or classes', () => {
    const answers = probeNodes(code, 'ForOfStatement, ClassDeclaration, ArrowFunctionExpression', (context, node: TSESTree.Node) => [
      node.type,
      someOwnNode(node, context.sourceCode.visitorKeys, (inner) => inner.type === 'AwaitExpression'),
    ]);
    expect(answers).toEqual([
      ['ForOfStatement', true],
      ['ArrowFunctionExpression', true],
      ['ClassDeclaration', false],
    ]);
  });
});
