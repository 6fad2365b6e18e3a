/**
 * The runtime shim on what a program's outcome shows: its own assertions
 * about its result, the tests it declares with `node:test`, errors thrown from
 * callbacks, waits that can never end, how many operations it runs at once,
 * and requests nothing can cancel. Each hazard next to the code without it,
 * run in the real worker; every verdict is a count, never a timing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { hazardsIn, MAX_IN_FLIGHT, summarize, type HazardReport } from '../../../lib/runtime/report.js';
import { closeRuntime, runSnippet } from '../../../lib/runtime/run-snippet.js';

afterAll(closeRuntime);

const hazards = (report: HazardReport): string[] => [...hazardsIn(report)].sort();

describe('assertions: the program states what it expects', () => {
  const lostUpdate = (deposit: string): string => `
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';

let balance = 0;
async function deposit(amount: number, ms: number) {
${deposit}
}

await Promise.all([deposit(50, 4), deposit(30, 2)]);
assert.equal(balance, 80);
`;

  it('a failed assertion is reported with both values and the line, even on the one-line summary', async () => {
    const report = await runSnippet(lostUpdate('  balance += await sleep(ms, amount);'));
    expect(hazards(report)).toEqual(['assertionFailed']);
    expect(report.assertions).toEqual([
      {
        api: 'assert.equal',
        passed: false,
        message: 'AssertionError: Expected values to be strictly equal: 50 !== 80',
        test: null,
        late: false,
        stack: expect.stringMatching(/at topLevel \(snippet\.ts:11:8\)/) as unknown,
      },
    ]);
    expect(summarize(report)).toMatch(/^assertion failed: assert\.equal: AssertionError: Expected values to be strictly equal: 50 !== 80 at topLevel \(snippet\.ts:11:8\)$/m);
    expect(report.error).toMatch(/^AssertionError/);
  });

  it('the same program without the race: the assertion holds, no hazard', async () => {
    const report = await runSnippet(lostUpdate('  const cleared = await sleep(ms, amount);\n  balance += cleared;'));
    expect(hazards(report)).toEqual([]);
    expect(report.assertions.map((item) => [item.api, item.passed])).toEqual([['assert.equal', true]]);
    expect(report.typeErrors).toEqual([]);
  });

  it('the default export, `assert.strict` and `node:assert` itself are recorded; other exports stay as they are', async () => {
    const report = await runSnippet(`
import assert, { AssertionError } from 'node:assert';
assert(true);
assert.strict.deepEqual([1], [1]);
assert.ok(new AssertionError({ message: 'x' }) instanceof Error);
await assert.rejects(Promise.reject(new RangeError('no')), RangeError);
try {
  assert.throws(() => undefined);
} catch {
  // a caught failure is still a failure
}
`);
    expect(report.error).toBeNull();
    expect(report.assertions.map((item) => [item.api, item.passed])).toEqual([
      ['assert', true],
      ['assert.deepEqual', true],
      ['assert.ok', true],
      ['assert.rejects', true],
      ['assert.throws', false],
    ]);
  });
});

describe('node:test: when a test ends, and what runs after', () => {
  const saveUser = `
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';

async function saveUser(name: string) {
  await sleep(2);
  return { name: name || 'anonymous' };
}
`;

  it('a sync test ends when it returns: an assertion in a `.then` runs after it, and the test passed without it', async () => {
    const report = await runSnippet(`${saveUser}
test('names anonymous users', () => {
  saveUser('').then((user) => {
    assert.equal(user.name, 'anonymous');
  });
});
`);
    expect(hazards(report)).toEqual(['lateAssertion']);
    expect(report.tests).toEqual([{ name: 'names anonymous users', outcome: 'passed', error: null, overspecified: false }]);
    expect(report.assertions).toMatchObject([{ api: 'assert.equal', passed: true, test: 'names anonymous users', late: true }]);
  });

  it('returned or awaited, the assertion belongs to the test; failing, it fails the test (no hazard: the test did its job)', async () => {
    for (const body of ["  return saveUser('').then((user) => assert.equal(user.name, 'nobody'));", "  assert.equal((await saveUser('')).name, 'nobody');"]) {
      const report = await runSnippet(`${saveUser}\ntest('names anonymous users', async () => {\n${body}\n});\n`);
      expect(hazards(report), body).toEqual([]);
      expect(report.tests, body).toMatchObject([{ outcome: 'failed', error: expect.stringMatching(/^AssertionError \[ERR_ASSERTION\]: Expected values/) as unknown }]);
      expect(report.tests[0]?.error, body).not.toMatch(/test-harness/);
    }
  });

  it('`assert.rejects` not awaited settles after its sync test: late, and its failure is an unhandled rejection', async () => {
    const report = await runSnippet(`
import test from 'node:test';
import assert from 'node:assert/strict';
test('rejects', () => {
  assert.rejects(Promise.reject(new RangeError('no')), TypeError);
});
`);
    expect(hazards(report)).toEqual(['lateAssertion', 'unhandledRejection']);
    expect(report.assertions).toMatchObject([{ api: 'assert.rejects', passed: false, late: true }]);
    expect(report.tests).toMatchObject([{ name: 'rejects', outcome: 'passed' }]);
  });

  it('a test that takes `done` and returns a promise fails as overspecified; with `done` alone it waits for `done`', async () => {
    const overspecified = await runSnippet(`
import { test } from 'node:test';
import assert from 'node:assert/strict';
test('loads', async (t, done) => {
  assert.equal(await Promise.resolve(1), 1);
  done();
});
`);
    expect(hazards(overspecified)).toEqual(['overspecifiedTest']);
    expect(overspecified.tests).toEqual([{ name: 'loads', outcome: 'failed', error: 'Error: passed a callback but also returned a Promise', overspecified: true }]);
    const callback = await runSnippet(`
import { test } from 'node:test';
import assert from 'node:assert/strict';
test('loads', (t, done) => {
  setTimeout(() => {
    assert.equal(t.name, 'loads');
    done();
  }, 2);
});
`);
    expect(hazards(callback)).toEqual([]);
    expect(callback.tests).toEqual([{ name: 'loads', outcome: 'passed', error: null, overspecified: false }]);
    expect(callback.assertions).toMatchObject([{ passed: true, late: false }]);
  });

  it('tests run after the module body, one at a time, in order, with suites, hooks, subtests and skip', async () => {
    const report = await runSnippet(`
import { describe, it, beforeEach, afterEach, test } from 'node:test';
console.log('module');
describe('cart', () => {
  beforeEach(() => console.log('before each'));
  afterEach(() => console.log('after each'));
  it('adds', async () => {
    await new Promise((resolve) => setTimeout(resolve, 3));
    console.log('adds');
  });
  it('removes', () => console.log('removes'));
  it('is skipped', { skip: true }, () => console.log('never'));
});
test('parent', async (t) => {
  await t.test('child', () => console.log('child'));
});
console.log('module end');
`);
    expect(hazards(report)).toEqual([]);
    expect(report.order.map((event) => event.text)).toEqual(['module', 'module end', 'before each', 'adds', 'after each', 'before each', 'removes', 'after each', 'child']);
    expect(report.tests.map((test) => [test.name, test.outcome])).toEqual([
      ['cart > adds', 'passed'],
      ['cart > removes', 'passed'],
      ['cart > is skipped', 'skipped'],
      ['parent', 'passed'],
      ['parent > child', 'passed'],
    ]);
  });

  it('a test that never ends is unfinished, and the run still ends', async () => {
    const report = await runSnippet("import { test } from 'node:test';\ntest('waits', (t, done) => {});\n");
    expect(report.tests).toMatchObject([{ name: 'waits', outcome: 'unfinished' }]);
    expect(report.timedOut).toBe(false);
  });
});

describe('errors thrown from callbacks', () => {
  it('a synchronous throw that bypasses the `.catch` its caller attached is uncaught', async () => {
    const code = (keyword: string): string => `
${keyword}function fetchUser(id: string) {
  if (!id) throw new TypeError('id is required');
  return Promise.resolve(\`user \${id}\`);
}
setTimeout(() => {
  fetchUser('').catch((error: unknown) => console.error('handled', String(error)));
}, 1);
`;
    const sync = await runSnippet(code(''));
    expect(hazards(sync)).toEqual(['uncaughtException']);
    expect(sync.uncaughtExceptions).toEqual([expect.stringMatching(/^TypeError: id is required\n\s+at fetchUser \(snippet\.ts:3:/) as unknown]);
    const async = await runSnippet(code('async '));
    expect(hazards(async)).toEqual([]);
    expect(async.order.map((event) => event.text)).toEqual(['handled TypeError: id is required']);
  });
});

describe('waits that can never end', () => {
  const lookup = (body: string): string => `
const cache = new Map<string, string>([['ann', 'Ann']]);

function lookup(id: string): Promise<string> {
  return new Promise((resolve) => {
    const hit = cache.get(id);
${body}
  });
}

export async function main() {
  return lookup('bob');
}
`;

  it('main awaits an executor that forgot to settle on one path: reported at once, with where that promise was made', async () => {
    const report = await runSnippet(lookup('    if (hit !== undefined) resolve(hit);'));
    expect(hazards(report)).toEqual(['neverSettled']);
    expect(report.neverSettled).toEqual({ entry: 'main()', waitingOn: [expect.stringMatching(/^Error\n\s+at lookup \(snippet\.ts:5:10\)/) as unknown] });
    expect(report.timedOut).toBe(false);
    expect(report.durationMs).toBeLessThan(2000);
    expect(summarize(report)).toMatch(/^main\(\) never settled; waiting on new Promise at lookup \(snippet\.ts:5:10\)/m);
  });

  it('settled on every path, nothing to report', async () => {
    const report = await runSnippet(lookup("    resolve(hit ?? 'unknown');"));
    expect(hazards(report)).toEqual([]);
    expect(report.result).toBe('unknown');
  });

  it('the module body waiting too; a pending promise nothing waits on is not one', async () => {
    const body = await runSnippet("import { EventEmitter } from 'node:events';\nimport { once } from 'node:events';\nawait once(new EventEmitter(), 'ready');\n");
    expect(hazards(body)).toEqual(['neverSettled']);
    expect(body.neverSettled?.entry).toBe('the module body');
    const unawaited = await runSnippet('export const never = new Promise<void>(() => undefined);\n');
    expect(hazards(unawaited)).toEqual([]);
  });
});

describe('operations in flight at once', () => {
  const resizeAll = (start: string): string => `
import { setTimeout as sleep } from 'node:timers/promises';

async function resize(image: string) {
  await sleep(2);
  return \`\${image}.webp\`;
}

export async function main() {
  const images = Array.from({ length: 300 }, (_, index) => \`photo-\${String(index)}.jpg\`);
${start}
}
`;

  it('one per item, all at once: the peak is the input size, with where they were started', async () => {
    const report = await runSnippet(resizeAll('  return (await Promise.all(images.map((image) => resize(image)))).length;'));
    expect(hazards(report)).toEqual(['unboundedConcurrency']);
    expect(report.inFlight.peak).toBeGreaterThanOrEqual(300);
    expect(report.inFlight.stack).toMatch(/at resize \(snippet\.ts:5:\d+\)/);
    expect(report.result).toBe(300);
  });

  it('a pool of five workers over the same input keeps a handful in flight', async () => {
    const report = await runSnippet(
      resizeAll(`  const queue = [...images];
  const done: string[] = [];
  await Promise.all(Array.from({ length: 5 }, async () => {
    for (let image = queue.shift(); image !== undefined; image = queue.shift()) done.push(await resize(image));
  }));
  return done.length;`),
    );
    expect(hazards(report)).toEqual([]);
    expect(report.inFlight.peak).toBeGreaterThanOrEqual(5);
    expect(report.inFlight.peak).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    expect(report.result).toBe(300);
  });
});

describe('requests nothing can cancel', () => {
  const silentServer = (call: string): string => `
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const server = createServer(() => {}); // accepts, never answers
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
const url = \`http://127.0.0.1:\${String(port)}/\`;
const controller = new AbortController();
setTimeout(() => controller.abort(), 5);
setTimeout(() => {
  server.closeAllConnections();
  server.close();
}, 60);
${call}
`;

  it('no signal, no answer: it ends only when the server gives up; the abort did not reach it', async () => {
    const report = await runSnippet(silentServer("console.log(await fetch(url).then(() => 'answered', (error: unknown) => String(error)));"));
    expect(hazards(report)).toEqual(['uncancellableRequest']);
    expect(report.requests).toMatchObject([{ api: 'fetch', cancellable: false, outcome: 'error', outlivedAbort: true }]);
    expect(report.requests[0]?.stack).toMatch(/at topLevel \(snippet\.ts:15:19\)/);
  });

  it('with the signal, the abort ends it', async () => {
    const report = await runSnippet(silentServer("console.log(await fetch(url, { signal: controller.signal }).then(() => 'answered', (error: unknown) => (error as Error).name));"));
    expect(hazards(report)).toEqual([]);
    expect(report.requests).toMatchObject([{ cancellable: true, outcome: 'error', outlivedAbort: false }]);
    expect(report.order.map((event) => event.text)).toEqual(['AbortError']);
  });

  it('a server that answers: no hazard, signal or not', async () => {
    const report = await runSnippet(`
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
const server = createServer((request, response) => response.end('ok'));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
const response = await fetch(\`http://127.0.0.1:\${String(port)}/\`);
console.log(await response.text());
server.closeAllConnections();
server.close();
`);
    expect(hazards(report)).toEqual([]);
    expect(report.requests).toMatchObject([{ cancellable: false, outcome: 'response' }]);
    expect(report.order.map((event) => event.text)).toEqual(['ok']);
  });
});
