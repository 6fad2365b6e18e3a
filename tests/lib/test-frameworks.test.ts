import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEST_FILE_PATTERNS,
  asyncAssertion,
  awaitedItselfLaterInTest,
  awaitedLaterInTest,
  doneParameter,
  getTestFile,
  globToRegExp,
  hookCallback,
  isInTestBody,
  isSubtestCall,
  matchesAny,
  plansAssertions,
  settledByAwaitedTeardown,
  testCallback,
} from '../../lib/test-frameworks.js';
import { fixturesDir, probeCalls, probeNodes, type LintOptions } from './probe.js';

describe('globToRegExp and matchesAny', () => {
  it('matches **, *, ? and {a,b} the way test globs are written', () => {
    expect(globToRegExp('**/*.{test,spec}.ts').test('src/user.test.ts')).toBe(true);
    expect(globToRegExp('**/*.{test,spec}.ts').test('src/user.ts')).toBe(false);
    expect(globToRegExp('**/__tests__/**').test('src/__tests__/deep/user.ts')).toBe(true);
    expect(globToRegExp('src/*.ts').test('src/a.ts')).toBe(true);
    expect(globToRegExp('src/*.ts').test('src/nested/a.ts')).toBe(false);
    expect(globToRegExp('file?.ts').test('file1.ts')).toBe(true);
  });

  it('tries the path relative to the working directory and the absolute one', () => {
    const cwd = '/repo';
    expect(matchesAny('/repo/src/user.spec.tsx', cwd, DEFAULT_TEST_FILE_PATTERNS)).toBe(true);
    expect(matchesAny('/repo/test/helpers.js', cwd, DEFAULT_TEST_FILE_PATTERNS)).toBe(true);
    expect(matchesAny('/repo/src/user.ts', cwd, DEFAULT_TEST_FILE_PATTERNS)).toBe(false);
    expect(matchesAny('/repo/src/user.ts', cwd, ['src/**'])).toBe(true);
  });
});

/** For the Program: is it a test file, and of which framework? */
function testFile(code: string, patterns: readonly string[], options?: LintOptions): string {
  const [result] = probeNodes<string>(
    code,
    'Program',
    (context) => {
      const file = getTestFile(context, patterns);
      return file ? `test file (${file.framework ?? 'globals'})` : 'not a test file';
    },
    options,
  );
  return result ?? '';
}

describe('getTestFile', () => {
  it('knows test files by name or by a framework import', () => {
    const file = path.join(fixturesDir, 'file.ts');
    expect(testFile('it("x", () => {});', ['**/*.spec.ts'], { filename: file })).toBe('not a test file');
    expect(testFile('it("x", () => {});', ['**/fixtures/*.ts'], { filename: file })).toBe('test file (globals)');
    expect(testFile("import { it } from 'vitest';", ['**/*.spec.ts'])).toBe('test file (vitest)');
    expect(testFile("import { it } from '@jest/globals';", [])).toBe('test file (jest)');
    expect(testFile("import test from 'node:test';", [])).toBe('test file (node:test)');
    expect(testFile("const { it } = require('mocha');", [], { sourceType: 'commonjs' })).toBe('test file (mocha)');
  });
});

/** For every call: the line of the test callback it registers, or null. */
function callbacks(code: string): (number | null)[] {
  return probeNodes<number | null, TSESTree.CallExpression>(
    code,
    'CallExpression',
    (context, call) => testCallback(context.sourceCode, call)?.loc.start.line ?? null,
  );
}

describe('testCallback', () => {
  it('finds test callbacks of framework imports, globals, modifiers and each-tables', () => {
    expect(
      callbacks(`import { test as check, it } from 'vitest';
check('a', () => {});
it.only ('b', async () => {});
it.each([1])('c %i', (n) => {});
describe('d', () => {});
`),
    ).toEqual([2, 3, 4, null, null]);
    expect(
      callbacks(`import test from 'node:test';
test('a', { timeout: 10 }, (t) => {});
test.skip ('b', () => {});
`),
    ).toEqual([2, 3]);
  });

  it('ignores local functions named like test registrars', () => {
    expect(callbacks(`function it(name: string, fn: () => void) { fn(); }\nit('a', () => {});`)).toEqual([null, null]);
    expect(callbacks(`import { it } from './my-helpers';\nit('a', () => {});`)).toEqual([null]);
  });
});

describe('doneParameter', () => {
  it('takes conventional callback names only', () => {
    const names = probeNodes<string | null, TSESTree.ArrowFunctionExpression>(
      `[(done: () => void) => {}, (t: unknown, cb: () => void) => {}, (context: unknown) => {}, ({ expect }: { expect: unknown }) => {}, (t: unknown, testDone: () => void) => {}, (t: unknown, testCompleted: () => void) => {}, (t: unknown, extend: unknown) => {}];`,
      'ArrowFunctionExpression',
      (_context, fn) => doneParameter(fn)?.name ?? null,
    );
    expect(names).toEqual(['done', 'cb', null, null, 'testDone', 'testCompleted', null]);
  });
});

describe('plansAssertions', () => {
  it('knows test bodies that call plan on their context first', () => {
    const planned = probeNodes<boolean, TSESTree.ArrowFunctionExpression>(
      `declare const other: { plan(n: number): void };
[(t: { plan(n: number): void }) => { t.plan(2); }, (t: { plan(n: number): void }) => { other.plan(2); }, () => {}];`,
      'ArrowFunctionExpression',
      (_context, fn) => plansAssertions(fn),
    );
    expect(planned).toEqual([true, false, false]);
  });
});

describe('asyncAssertion', () => {
  it('finds resolves/rejects chains, poll/element and assert.rejects/doesNotReject', () => {
    const code = `import { expect } from 'vitest';
import assert from 'node:assert';
import { strict } from 'assert';
import * as strictAssert from 'node:assert/strict';
expect(p).resolves.not.toBe(1);
expect.soft(p).rejects.toThrow();
expect.poll(() => 1).toBe(1);
expect.element(el).toBeVisible();
assert.rejects(p);
strict.doesNotReject(p);
strictAssert.rejects(p);
assert.equal(1, 1);
expect(1).toBe(1);
`;
    const found = probeNodes<string | null, TSESTree.MemberExpression | TSESTree.CallExpression>(
      code,
      'CallExpression, MemberExpression',
      (context, node) => {
        const assertion = asyncAssertion(context.sourceCode, node);
        return assertion ? `${assertion.kind}: ${context.sourceCode.getText(assertion.chain)}` : null;
      },
    ).filter((entry): entry is string => entry !== null);
    expect([...new Set(found)]).toEqual([
      'resolves: expect(p).resolves.not.toBe(1)',
      'rejects: expect.soft(p).rejects.toThrow()',
      'poll: expect.poll(() => 1).toBe(1)',
      'element: expect.element(el).toBeVisible()',
      'assertRejects: assert.rejects(p)',
      'assertDoesNotReject: strict.doesNotReject(p)',
      'assertRejects: strictAssert.rejects(p)',
    ]);
  });
});

describe('isInTestBody', () => {
  it('knows test bodies, and by shape registrations whose registrar is a parameter', () => {
    const code = `
import { it } from 'vitest';
declare function probe(x: unknown): void;
it('a', () => { probe(1); });
export function helper(t: { test(name: string, fn: () => void): void }) {
  t.test('b', () => { probe(2); });
  probe(3);
}
probe(4);
`;
    const strict = probeCalls(code, (context, call) => isInTestBody(context.sourceCode, call));
    const loose = probeCalls(code, (context, call) => isInTestBody(context.sourceCode, call, true));
    expect(strict).toEqual([true, false, false, false]);
    expect(loose).toEqual([true, true, false, false]);
  });
});

describe('awaitedLaterInTest', () => {
  it('knows chains on a call that the test body awaits again further down', () => {
    const later = probeNodes<boolean, TSESTree.ExpressionStatement>(
      `declare const app: { ready(): Promise<void>; close(): Promise<void> };
async function body() {
  app.ready().then(() => 1);
  app.close().then(() => 2);
  const pending = app.close();
  pending.then(() => 4);
  await app.ready();
  app.ready().then(() => 3);
  await pending;
}`,
      'ExpressionStatement',
      (context, statement) => {
        const fn = statement.parent.parent;
        return fn?.type === AST_NODE_TYPES.FunctionDeclaration && awaitedLaterInTest(context.sourceCode, fn, statement, statement.expression);
      },
    );
    expect(later).toEqual([true, false, true, false, false, false]);
  });
});

describe('settledByAwaitedTeardown and awaitedItselfLaterInTest', () => {
  const code = (framework: string) => `import { test } from '${framework}';
declare const pool: { run(task: string): Promise<number>; destroy(): Promise<void> };
declare const other: typeof pool;
async function body() {
  pool.run('a');
  const queued = pool.run('b');
  queued;
  pool.run('c').then(() => 1);
  other.run('d');
  await pool.destroy();
  pool.run('e');
}`;
  const probe = (framework: string, check: typeof settledByAwaitedTeardown) =>
    probeNodes<boolean, TSESTree.ExpressionStatement>(code(framework), 'ExpressionStatement', (context, statement) => {
      const fn = statement.parent.parent;
      return fn?.type === AST_NODE_TYPES.FunctionDeclaration && check(context.sourceCode, fn, statement, statement.expression);
    });

  it('knows operations of an object whose teardown the node:test body awaits further down', () => {
    expect(probe('node:test', settledByAwaitedTeardown)).toEqual([true, true, true, false, false, false]);
    // Vitest reports a rejection that lands while the test runs apart from the test.
    expect(probe('vitest', settledByAwaitedTeardown)).toEqual([false, false, false, false, false, false]);
  });

  it('knows a held promise that the test body awaits itself further down', () => {
    expect(probe('node:test', awaitedItselfLaterInTest)).toEqual([false, false, false, false, false, false]);
    const later = probeNodes<boolean, TSESTree.ExpressionStatement>(
      `declare function runTask(): Promise<number>;
async function body() {
  const task = runTask();
  task;
  const other = runTask();
  other;
  setImmediate(async () => {
    await other;
  });
  await task;
}`,
      'ExpressionStatement',
      (context, statement) => {
        const fn = statement.parent.parent;
        return fn?.type === AST_NODE_TYPES.FunctionDeclaration && awaitedItselfLaterInTest(context.sourceCode, fn, statement, statement.expression);
      },
    );
    expect(later).toEqual([true, false, false, false, false]);
  });
});

describe('hookCallback, isSubtestCall and chai eventually', () => {
  it('finds hook callbacks from a framework or as globals', () => {
    const hooks = probeCalls(
      `import { beforeEach } from 'vitest';
declare function probe(x: unknown): void;
probe(beforeEach(() => {}));
probe(afterAll(() => {}));
declare function setup(fn: () => void): void;
probe(setup(() => {}));`,
      (context, call) => {
        const [inner] = call.arguments;
        return inner?.type === AST_NODE_TYPES.CallExpression ? hookCallback(context.sourceCode, inner) !== null : null;
      },
    );
    expect(hooks).toEqual([true, true, false]);
  });

  it('knows node:test subtests on the test context', () => {
    const subtests = probeNodes<boolean, TSESTree.CallExpression>(
      `import { test } from 'node:test';
test('outer', async (t) => { t.test('inner', () => {}); other.test('x', () => {}); });
declare const other: { test(name: string, fn: () => void): void };`,
      'CallExpression[callee.type="MemberExpression"]',
      (context, call) => {
        const body = call.parent.parent?.parent;
        return !!body && (body.type === AST_NODE_TYPES.ArrowFunctionExpression) && isSubtestCall(context.sourceCode, call, body);
      },
    );
    expect(subtests).toEqual([true, false]);
  });

  it('reads chai-as-promised eventually chains as async assertions', () => {
    const kinds = probeNodes<string | null, TSESTree.MemberExpression>(
      `import * as chai from 'chai'; declare const p: Promise<number>;
chai.expect(p).to.eventually.equal(1);
expect(p).to.eventually.equal(1);
other(p).to.eventually.equal(1);
declare function other(x: unknown): { to: { eventually: { equal(x: unknown): void } } };`,
      'MemberExpression[property.name="eventually"]',
      (context, member) => asyncAssertion(context.sourceCode, member)?.kind ?? null,
    );
    expect(kinds).toEqual(['eventually', 'eventually', null]);
  });
});
