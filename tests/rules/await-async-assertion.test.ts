import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule, { type MessageIds, type Options } from '../../rules/await-async-assertion.js';
import { cloneCases, createRuleTester } from '../rule-tester.js';

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;

/** Declarations every case may use: the async code under test. */
const sut = `
async function loadUser(id: number): Promise<{ id: number }> {
  if (id < 0) throw new RangeError('negative id');
  return { id };
}
`;

/** The test globals (Jest, Mocha, Vitest with \`globals: true\`) come from ambient types: nothing declares them here. */
const globals = `// globals: it, describe, expect`;

const valid: Valid[] = [
  // Triage of real test suites (docs/triage-strict.md). A node:test callback that waits for its done
  // callback, whatever it is called (fastify's testDone, avvio's testCompleted): the chain ends in it.
  `
import { test } from 'node:test';
test('replies', (t, testDone) => {
  loadUser(1).then(() => testDone());
});
test('boots', (t, testCompleted) => {
  loadUser(2).then(() => testCompleted(), testCompleted);
});
${sut}`,
  // A chain on a call the test awaits again further down: its callbacks run first (fastify's ready-order tests).
  `
import { test } from 'node:test';
declare const app: { ready(): Promise<void> };
test('ready resolves in order', async () => {
  const order: number[] = [];
  for (const n of [1, 2]) app.ready().then(() => order.push(n));
  await app.ready();
});
`,
  // Triage of TypeScript test suites (docs/triage-strict.md, piscina's node:test suite): the test awaits
  // the teardown of the object whose operations it asserts on. \`close()\`/\`destroy()\` settle what is
  // pending on it before they resolve, so the assertion settles while the test runs, and node:test fails
  // the running test with its rejection. Through a \`const\` and a \`.then\` chain too.
  `
import assert from 'node:assert/strict';
import { test } from 'node:test';
declare class WorkerPool {
  run(task: string): Promise<number>;
  destroy(): Promise<void>;
  close(): Promise<void>;
}
test('rejects work over the queue limit', async () => {
  const pool = new WorkerPool();
  assert.rejects(pool.run('while (true) {}'), /Terminating worker thread/);
  assert.equal(typeof pool, 'object');
  const queued = pool.run('while (true) {}');
  assert.rejects(queued, /Terminating worker thread/);
  pool.run('spin').then(() => assert.fail('should not finish'), () => {});
  await pool.destroy();
});
test('finishes running tasks on close', async () => {
  const pool = new WorkerPool();
  assert.doesNotReject(pool.run('42'), 'completes before close resolves');
  await pool.close();
});
`,
  // The promise the assertion is about is awaited by the test itself further down (piscina's pool-close
  // test): if it rejects, the test fails on that await.
  `
import assert from 'node:assert/strict';
import { test } from 'node:test';
declare function runTask(ms: number): Promise<number>;
test('completes running tasks', async () => {
  const task1 = runTask(5);
  const task2 = runTask(5);
  assert.doesNotReject(task1, 'complete running task');
  assert.doesNotReject(task2, 'complete running task');
  await task1;
  await task2;
});
`,
  // Assertions counted up front (node:test, tap): the test fails on the count if it ends too early.
  `
import { test } from 'node:test';
test('publishes', (t) => {
  t.plan(1);
  loadUser(1).then(() => t.assert.ok(true));
});
${sut}`,
  // Awaited, in an async test.
  `
import { expect, test } from 'vitest';
test('loads a user', async () => {
  await expect(loadUser(1)).resolves.toEqual({ id: 1 });
  await expect(loadUser(-1)).rejects.toThrow('negative id');
  await expect.poll(() => loadUser(2).then((user) => user.id)).toBe(2);
});
${sut}`,
  // Returned from a sync test, or the arrow's value.
  `
${globals}
describe('users', () => {
  it('rejects negative ids', () => {
    return expect(loadUser(-1)).rejects.toThrow(RangeError);
  });
  it('loads', () => expect(loadUser(1)).resolves.toMatchObject({ id: 1 }));
});
${sut}`,
  // Stored and awaited later, or awaited together.
  `
import { expect, it } from 'vitest';
it('loads both', async () => {
  const first = expect(loadUser(1)).resolves.toEqual({ id: 1 });
  await Promise.all([first, expect(loadUser(2)).resolves.toEqual({ id: 2 })]);
});
${sut}`,
  // node:test and node:assert, awaited.
  `
import test from 'node:test';
import assert from 'node:assert/strict';
test('rejects negative ids', async () => {
  await assert.rejects(loadUser(-1), RangeError);
  await assert.doesNotReject(loadUser(1));
  const user = await loadUser(3);
  assert.equal(user.id, 3);
});
${sut}`,
  // A \`done\` test waits for \`done\`, not for the promise.
  `
${globals}
it('loads with done', (done: () => void) => {
  loadUser(1).then((user) => {
    expect(user.id).toBe(1);
    done();
  });
});
${sut}`,
  // Vitest's test context is not a \`done\` callback.
  `
import { test } from 'vitest';
test('context', async ({ expect }) => {
  await expect(loadUser(1)).resolves.toEqual({ id: 1 });
});
${sut}`,
  // Sync assertions need nothing.
  `
import { expect, it } from 'vitest';
it('adds', () => {
  expect(1 + 1).toBe(2);
  expect(() => JSON.parse('{')).toThrow();
});
`,
  // A local \`expect\` is not the framework's.
  `
function expect(value: unknown) {
  return { resolves: { toBe: (expected: unknown) => value === expected } };
}
expect(1).resolves.toBe(1);
`,
  // Skipped on purpose: a promise inside a nested callback is that callback's business.
  `
import { beforeEach, it, vi } from 'vitest';
beforeEach(() => {
  vi.useFakeTimers();
});
it('schedules', () => {
  setTimeout(() => {
    loadUser(1).catch(console.error);
  }, 10);
  vi.runAllTimers();
});
${sut}`,
  {
    // Never outside test files: with these patterns tests/fixtures/file.ts is not one, and it imports no framework.
    code: `
${globals}
it('rejects', () => {
  expect(loadUser(-1)).rejects.toThrow();
});
${sut}`,
    options: [{ testFilePatterns: ['**/*.spec.ts'] }],
  },
  {
    // A file matching the patterns with no test at all: helpers that return their promise.
    code: `
${globals}
export function expectUser(id: number) {
  return expect(loadUser(id)).resolves.toEqual({ id });
}
${sut}`,
    options: [{ testFilePatterns: ['**/fixtures/*.ts'] }],
  },
  // Unknown in both modes: a parameter of unknown shape is never taken for a promise.
  `
import { it } from 'vitest';
export function register(client: { connect(): unknown }) {
  it('connects', () => {
    client.connect();
  });
}
`,
];

const invalid: Invalid[] = [
  // The look-alikes of the awaited-teardown family (docs/triage-strict.md): a sync test body that
  // destroys the pool later (piscina's pool-destroy test), a teardown of another object, a teardown
  // awaited before the assertion, and the same test in Vitest, which reports a late rejection apart from
  // the test. All still reported.
  {
    code: `import assert from 'node:assert/strict';
import { test } from 'node:test';
declare const pool: { run(task: string): Promise<number>; destroy(): Promise<void> };
test('destroys while a task runs', () => {
  setImmediate(() => pool.destroy());
  assert.rejects(pool.run('while (true) {}'), /Terminating worker thread/);
});
`,
    errors: [
      {
        messageId: 'unawaitedAssertRejects',
        data: { kind: 'rejects' },
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import assert from 'node:assert/strict';
import { test } from 'node:test';
declare const pool: { run(task: string): Promise<number>; destroy(): Promise<void> };
test('destroys while a task runs', async () => {
  setImmediate(() => pool.destroy());
  await assert.rejects(pool.run('while (true) {}'), /Terminating worker thread/);
});
`,
          },
          {
            messageId: 'suggestReturn',
            output: `import assert from 'node:assert/strict';
import { test } from 'node:test';
declare const pool: { run(task: string): Promise<number>; destroy(): Promise<void> };
test('destroys while a task runs', () => {
  setImmediate(() => pool.destroy());
  return assert.rejects(pool.run('while (true) {}'), /Terminating worker thread/);
});
`,
          },
        ],
      },
    ],
  },
  {
    code: `import assert from 'node:assert/strict';
import { test } from 'node:test';
declare const pool: { run(task: string): Promise<number>; destroy(): Promise<void> };
declare const other: typeof pool;
test('destroys another pool', async () => {
  assert.rejects(pool.run('spin'), /Terminating/);
  await other.destroy();
});
`,
    errors: [
      {
        messageId: 'unawaitedAssertRejects',
        data: { kind: 'rejects' },
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import assert from 'node:assert/strict';
import { test } from 'node:test';
declare const pool: { run(task: string): Promise<number>; destroy(): Promise<void> };
declare const other: typeof pool;
test('destroys another pool', async () => {
  await assert.rejects(pool.run('spin'), /Terminating/);
  await other.destroy();
});
`,
          },
        ],
      },
    ],
  },
  {
    code: `import assert from 'node:assert/strict';
import { test } from 'node:test';
declare const pool: { run(task: string): Promise<number>; destroy(): Promise<void> };
test('destroys first', async () => {
  await pool.destroy();
  assert.rejects(pool.run('spin'), /destroyed/);
});
`,
    errors: [
      {
        messageId: 'unawaitedAssertRejects',
        data: { kind: 'rejects' },
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import assert from 'node:assert/strict';
import { test } from 'node:test';
declare const pool: { run(task: string): Promise<number>; destroy(): Promise<void> };
test('destroys first', async () => {
  await pool.destroy();
  await assert.rejects(pool.run('spin'), /destroyed/);
});
`,
          },
          {
            messageId: 'suggestReturn',
            output: `import assert from 'node:assert/strict';
import { test } from 'node:test';
declare const pool: { run(task: string): Promise<number>; destroy(): Promise<void> };
test('destroys first', async () => {
  await pool.destroy();
  return assert.rejects(pool.run('spin'), /destroyed/);
});
`,
          },
        ],
      },
    ],
  },
  {
    code: `import { expect, test } from 'vitest';
declare const pool: { run(task: string): Promise<number>; destroy(): Promise<void> };
test('rejects work over the queue limit', async () => {
  expect(pool.run('spin')).rejects.toThrow(/Terminating/);
  await pool.destroy();
});
`,
    errors: [
      {
        messageId: 'unawaitedExpectation',
        data: { kind: 'rejects' },
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import { expect, test } from 'vitest';
declare const pool: { run(task: string): Promise<number>; destroy(): Promise<void> };
test('rejects work over the queue limit', async () => {
  await expect(pool.run('spin')).rejects.toThrow(/Terminating/);
  await pool.destroy();
});
`,
          },
        ],
      },
    ],
  },
  // A task awaited later only counts for \`doesNotReject(task)\`: a \`rejects\` assertion on it, or a task
  // awaited only inside a callback, is still dropped.
  {
    code: `import assert from 'node:assert/strict';
import { test } from 'node:test';
declare function runTask(ms: number): Promise<number>;
test('aborts the task', async () => {
  const task = runTask(5);
  assert.rejects(task, /aborted/);
  setImmediate(async () => {
    await task;
  });
  await runTask(1);
});
`,
    errors: [
      {
        messageId: 'unawaitedAssertRejects',
        data: { kind: 'rejects' },
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import assert from 'node:assert/strict';
import { test } from 'node:test';
declare function runTask(ms: number): Promise<number>;
test('aborts the task', async () => {
  const task = runTask(5);
  await assert.rejects(task, /aborted/);
  setImmediate(async () => {
    await task;
  });
  await runTask(1);
});
`,
          },
        ],
      },
    ],
  },
  // Held-back corpus (tests/corpus/await-async-assertion): a hook that drops its setup promise, a
  // node:test subtest not awaited, a chai-as-promised \`eventually\` not returned.
  {
    code: `import { beforeEach, it } from 'vitest';
beforeEach(() => {
  loadUser(1);
});
it('runs after the seed', () => {});
${sut}`,
    errors: [
      {
        messageId: 'unawaitedTestPromise',
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import { beforeEach, it } from 'vitest';
beforeEach(async () => {
  await loadUser(1);
});
it('runs after the seed', () => {});
${sut}`,
          },
          {
            messageId: 'suggestReturn',
            output: `import { beforeEach, it } from 'vitest';
beforeEach(() => {
  return loadUser(1);
});
it('runs after the seed', () => {});
${sut}`,
          },
        ],
      },
    ],
  },
  {
    code: `import { test } from 'node:test';
test('api', async (t) => {
  t.test('inner', async () => {});
});
`,
    errors: [
      {
        messageId: 'unawaitedTestPromise',
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import { test } from 'node:test';
test('api', async (t) => {
  await t.test('inner', async () => {});
});
`,
          },
          {
            messageId: 'suggestReturn',
            output: `import { test } from 'node:test';
test('api', async (t) => {
  return t.test('inner', async () => {});
});
`,
          },
        ],
      },
    ],
  },
  {
    code: `import * as chai from 'chai';
${globals}
it('resolves', () => {
  chai.expect(loadUser(1)).to.eventually.have.property('id', 1);
});
${sut}`,
    errors: [
      {
        messageId: 'unawaitedExpectation',
        data: { kind: 'eventually' },
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import * as chai from 'chai';
${globals}
it('resolves', async () => {
  await chai.expect(loadUser(1)).to.eventually.have.property('id', 1);
});
${sut}`,
          },
          {
            messageId: 'suggestReturn',
            output: `import * as chai from 'chai';
${globals}
it('resolves', () => {
  return chai.expect(loadUser(1)).to.eventually.have.property('id', 1);
});
${sut}`,
          },
        ],
      },
    ],
  },
  {
    // The test passes before the assertion runs; a wrong value fails nothing.
    code: `import { expect, test } from 'vitest';
test('loads a user', async () => {
  expect(loadUser(1)).resolves.toEqual({ id: 2 });
});
${sut}`,
    errors: [
      {
        messageId: 'unawaitedExpectation',
        data: { kind: 'resolves' },
        line: 3,
        column: 3,
        endColumn: 50,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import { expect, test } from 'vitest';
test('loads a user', async () => {
  await expect(loadUser(1)).resolves.toEqual({ id: 2 });
});
${sut}`,
          },
          {
            messageId: 'suggestReturn',
            output: `import { expect, test } from 'vitest';
test('loads a user', async () => {
  return expect(loadUser(1)).resolves.toEqual({ id: 2 });
});
${sut}`,
          },
        ],
      },
    ],
  },
  {
    // A sync test with globals: awaiting makes the test async.
    code: `${globals}
describe('users', () => {
  it('rejects negative ids', () => {
    expect(loadUser(-1)).rejects.toThrow('negative');
    console.log('checked');
  });
});
${sut}`,
    errors: [
      {
        messageId: 'unawaitedExpectation',
        data: { kind: 'rejects' },
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `${globals}
describe('users', () => {
  it('rejects negative ids', async () => {
    await expect(loadUser(-1)).rejects.toThrow('negative');
    console.log('checked');
  });
});
${sut}`,
          },
        ],
      },
    ],
  },
  {
    code: `import { expect, it } from 'vitest';
it('eventually loads', async () => {
  expect.poll(() => loadUser(1).then((user) => user.id)).toBe(1);
  void expect(loadUser(2)).resolves.not.toBeNull();
});
${sut}`,
    errors: [
      {
        messageId: 'unawaitedPoll',
        data: { kind: 'poll' },
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import { expect, it } from 'vitest';
it('eventually loads', async () => {
  await expect.poll(() => loadUser(1).then((user) => user.id)).toBe(1);
  void expect(loadUser(2)).resolves.not.toBeNull();
});
${sut}`,
          },
        ],
      },
      {
        messageId: 'unawaitedExpectation',
        data: { kind: 'resolves' },
        line: 4,
        column: 8,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import { expect, it } from 'vitest';
it('eventually loads', async () => {
  expect.poll(() => loadUser(1).then((user) => user.id)).toBe(1);
  await expect(loadUser(2)).resolves.not.toBeNull();
});
${sut}`,
          },
        ],
      },
    ],
  },
  {
    // node:assert's rejects returns a promise: not awaited, a wrong error passes.
    code: `import { test } from 'node:test';
import { rejects } from 'node:assert';
test('rejects negative ids', () => {
  rejects(loadUser(-1), TypeError);
});
${sut}`,
    errors: [
      {
        messageId: 'unawaitedAssertRejects',
        data: { kind: 'rejects' },
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import { test } from 'node:test';
import { rejects } from 'node:assert';
test('rejects negative ids', async () => {
  await rejects(loadUser(-1), TypeError);
});
${sut}`,
          },
          {
            messageId: 'suggestReturn',
            output: `import { test } from 'node:test';
import { rejects } from 'node:assert';
test('rejects negative ids', () => {
  return rejects(loadUser(-1), TypeError);
});
${sut}`,
          },
        ],
      },
    ],
  },
  {
    // The assertions live in a chain the test does not wait for.
    code: `import { expect, it } from '@jest/globals';
it('saves the user', () => {
  loadUser(1).then((user) => {
    expect(user.id).toBe(2);
  });
});
${sut}`,
    errors: [
      {
        messageId: 'unawaitedTestPromise',
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import { expect, it } from '@jest/globals';
it('saves the user', async () => {
  await loadUser(1).then((user) => {
    expect(user.id).toBe(2);
  });
});
${sut}`,
          },
          {
            messageId: 'suggestReturn',
            output: `import { expect, it } from '@jest/globals';
it('saves the user', () => {
  return loadUser(1).then((user) => {
    expect(user.id).toBe(2);
  });
});
${sut}`,
          },
        ],
      },
    ],
  },
  {
    // Both a promise and \`done\`: the runners fail the test as overspecified.
    code: `${globals}
it('loads', async (done: () => void) => {
  const user = await loadUser(1);
  expect(user.id).toBe(1);
  done();
});
${sut}`,
    errors: [{ messageId: 'asyncWithDone', data: { name: 'done' }, line: 2, column: 20 }],
  },
  {
    // \`test.each\` rows and modifiers register tests too.
    code: `import { expect, test } from 'vitest';
test.each([1, 2])('loads %i', async (id) => {
  expect(loadUser(id)).resolves.toEqual({ id });
});
${sut}`,
    errors: [
      {
        messageId: 'unawaitedExpectation',
        data: { kind: 'resolves' },
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import { expect, test } from 'vitest';
test.each([1, 2])('loads %i', async (id) => {
  await expect(loadUser(id)).resolves.toEqual({ id });
});
${sut}`,
          },
          {
            messageId: 'suggestReturn',
            output: `import { expect, test } from 'vitest';
test.each([1, 2])('loads %i', async (id) => {
  return expect(loadUser(id)).resolves.toEqual({ id });
});
${sut}`,
          },
        ],
      },
    ],
  },
];

/** Promises only the checker sees. */
const typedOnlyInvalid: Invalid[] = [
  {
    code: `import { it } from 'vitest';
declare const api: Record<string, () => Promise<number>>;
it('refreshes', () => {
  api.refresh();
});
`,
    errors: [
      {
        messageId: 'unawaitedTestPromise',
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import { it } from 'vitest';
declare const api: Record<string, () => Promise<number>>;
it('refreshes', async () => {
  await api.refresh();
});
`,
          },
          {
            messageId: 'suggestReturn',
            output: `import { it } from 'vitest';
declare const api: Record<string, () => Promise<number>>;
it('refreshes', () => {
  return api.refresh();
});
`,
          },
        ],
      },
    ],
  },
];

const untypedOnlyValid: Valid[] = typedOnlyInvalid.map(({ code }) => code);

const script = { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } };

/** Plain JavaScript (espree), node:test through require. */
const javascript = {
  valid: [
    {
      code: `const test = require('node:test');
const assert = require('node:assert');
test('rejects', async () => {
  await assert.rejects(Promise.reject(new Error('boom')), /boom/);
});
`,
      languageOptions: script,
    },
  ],
  invalid: [
    {
      code: `const test = require('node:test');
const assert = require('node:assert');
test('rejects', () => {
  assert.rejects(Promise.resolve(1), /boom/);
});
`,
      languageOptions: script,
      errors: [
        {
          messageId: 'unawaitedAssertRejects' as const,
          data: { kind: 'rejects' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestAwait' as const,
              output: `const test = require('node:test');
const assert = require('node:assert');
test('rejects', async () => {
  await assert.rejects(Promise.resolve(1), /boom/);
});
`,
            },
            {
              messageId: 'suggestReturn' as const,
              output: `const test = require('node:test');
const assert = require('node:assert');
test('rejects', () => {
  return assert.rejects(Promise.resolve(1), /boom/);
});
`,
            },
          ],
        },
      ],
    },
  ],
};

createRuleTester({ typed: false }).run('await-async-assertion (untyped)', rule, {
  valid: cloneCases([...valid, ...untypedOnlyValid]),
  invalid: cloneCases(invalid),
});

createRuleTester({ typed: true }).run('await-async-assertion (typed)', rule, {
  valid: cloneCases(valid),
  invalid: cloneCases([...invalid, ...typedOnlyInvalid]),
});

createRuleTester({ typed: false }).run('await-async-assertion (JavaScript)', rule, javascript);
