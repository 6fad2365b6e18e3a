import type { TSESTree } from '@typescript-eslint/utils';
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
