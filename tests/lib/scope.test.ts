import { ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isGlobalReference, variableOf } from '../../lib/scope.js';
import { probeNodes } from './probe.js';

describe('isGlobalReference and variableOf', () => {
  it('tells the global Promise from a local binding that shadows it', () => {
    expect(
      probeNodes(
        `
        export const a = new Promise<void>((resolve) => resolve());
        function local(Promise: new (run: () => void) => unknown) {
          return new Promise(() => {});
        }
        class Promise2 {}
        export const b = new Promise2();
        export { local };
      `,
        'NewExpression > Identifier.callee',
        (context, node: TSESTree.Identifier) => [node.name, isGlobalReference(context.sourceCode, node), variableOf(context.sourceCode, node)?.defs[0]?.type ?? null],
      ),
    ).toEqual([
      ['Promise', true, null],
      ['Promise', false, 'Parameter'],
      ['Promise2', false, 'ClassName'],
    ]);
  });
});

describe('variableOf shortcuts', () => {
  it('answers as ESLint’s scope lookup does for every identifier of a file with shadowing, hoisting and block scopes', () => {
    const code = `
      import { readFile } from 'node:fs/promises';
      const cache = new Map<string, string>();
      export async function load(name: string): Promise<string> {
        const hit = cache.get(name);
        if (hit) return hit;
        for (let i = 0; i < 3; i++) {
          const name = String(i);
          try {
            return await readFile(name, 'utf8');
          } catch (error) {
            console.error(error, i);
          }
        }
        return helper(name);
        function helper(value: string) { return value + later; }
      }
      var later = 'x';
      function onlyInside() { const inner = 1; return inner; }
      export const outside = typeof inner === 'undefined' ? process.env.HOME : onlyInside();
      class Store { name = 'store'; read() { return this.name + cache.size; } }
      export { Store };
    `;
    const answers = probeNodes(code, 'Identifier', (context, node: TSESTree.Identifier) => {
      const slow = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
      return [node.name, variableOf(context.sourceCode, node) === slow];
    });
    expect(answers.length).toBeGreaterThan(40);
    expect(answers.filter(([, same]) => !same)).toEqual([]);
  });
});
