import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isHandledPromise, knownSafeCallees } from '../../lib/promise-handling.js';
import { matchesAllow } from '../../lib/specifiers.js';
import { probeNodes } from './probe.js';

const PRELUDE = `
declare const p: Promise<number>;
declare function load(): Promise<number>;
declare function report(error: unknown): void;
`;

/** isHandledPromise for the expression of each statement after the prelude. */
function handled(statements: string): boolean[] {
  return probeNodes(PRELUDE + statements, 'Program > ExpressionStatement', (_context, statement: TSESTree.ExpressionStatement) =>
    isHandledPromise(statement.expression),
  );
}

describe('isHandledPromise', () => {
  it('sees a rejection handler at the end of the chain', () => {
    expect(
      handled(`
        p.catch(report);
        p.catch((error) => { report(error); });
        p.then((n) => n * 2, report);
        load().then((n) => n).catch(report);
        p.catch(report).finally(() => {});
        p.catch(report).finally(() => {}).finally(() => {});
        p?.catch(report);
        p['catch'](report);
        (p.catch(report) as Promise<unknown>);
      `),
    ).toEqual([true, true, true, true, true, true, true, true, true]);
  });

  it('sees no handler where a rejection still escapes', () => {
    expect(
      handled(`
        p;
        load();
        p.then((n) => n);
        p.then((n) => n, undefined);
        p.then((n) => n, null);
        p.catch();
        p.catch(undefined);
        p.catch(void 0);
        p.finally(() => {});
        p.catch(report).then((n) => n);
        p.then(undefined, report).then((n) => n);
        p.finally(() => {}).then((n) => n);
        [p].map(report);
      `),
    ).toEqual([false, false, false, false, false, false, false, false, false, false, false, false, false]);
  });
});

describe('knownSafeCallees', () => {
  /** Does `knownSafeCallees` name the callee of each call statement? */
  function safe(code: string): boolean[] {
    return probeNodes(code, 'Program > ExpressionStatement > CallExpression', (context, call: TSESTree.CallExpression) =>
      matchesAllow(context.sourceCode, call.callee, knownSafeCallees),
    );
  }

  it('names the registrars of node:test however they are imported', () => {
    const code = `
      import test, { describe, it as spec } from 'node:test';
      import * as nt from 'node:test';
      const { beforeEach } = require('node:test');
      test('adds', async () => {});
      test.skip ('later', async () => {});
      test.only ('now', async () => {});
      describe('suite', () => {});
      spec('works', async () => {});
      spec.todo('someday');
      nt.test('x', async () => {});
      nt.describe.only ('y', () => {});
      beforeEach(async () => {});
    `;
    expect(safe(code)).toEqual([true, true, true, true, true, true, true, true, true]);
  });

  it('does not name look-alikes from elsewhere', () => {
    const code = `
      import { test, describe } from 'vitest';
      import run from 'node:test/reporters';
      import { mock } from 'node:test';
      function it(name: string) { return Promise.resolve(name); }
      test('adds', async () => {});
      describe('suite', () => {});
      it('local');
      mock.fn();
      run();
    `;
    expect(safe(code)).toEqual([false, false, false, false, false]);
  });
});
