/**
 * What a snippet gets for `node:test` and `node:assert` in the shim's worker:
 * a small test runner that knows when each test ended, and recording copies
 * of the assertion functions that know which test they ran in. Together they
 * see the hazard of `await-async-assertion`: an assertion that runs (or whose
 * promise settles) after its test ended, so the test passed without it.
 *
 * The real `node:test` cannot run here: its reporter keeps the worker alive
 * until the process exits, and its state is one per thread, not one per run.
 * This runner keeps `node:test`'s observable rules: tests run one after another,
 * starting after the module body (in a macrotask of their own); a test ends
 * when its function returns, its promise settles, or it calls `done`; a test
 * that takes `done` and also returns a promise fails ("passed a callback but
 * also returned a Promise"), as in `node:test`, Jest and Mocha.
 * Supported: `test`/`it` (with `skip`/`todo` options), `describe`/`suite`,
 * `before`/`after`/`beforeEach`/`afterEach`, and a context `t` with `name`,
 * `signal`, `test` (subtests), `skip`, `todo`, `diagnostic`, `plan`.
 */

/** A test as the runner tracks it; lib/runtime/report.ts's `TestRecord` is its plain-data snapshot. */
export interface TestState {
  readonly name: string;
  outcome: 'passed' | 'failed' | 'skipped' | 'unfinished';
  error: string | null;
  overspecified: boolean;
  /** Its function returned (sync), its promise settled, or it called `done`. */
  ended: boolean;
}

/** What the runner needs from the worker. */
export interface TestHost {
  /** Makes and records a test of the current run. */
  begin(name: string): TestState;
  /** Runs `fn` so that everything it starts (callbacks, continuations) knows it belongs to this test. */
  inTest<T>(state: TestState, fn: () => T): T;
  /** Runs `task` in a macrotask of its own (the tests start after the module body). */
  schedule(task: () => void): void;
  formatError(error: unknown): string;
}

/** A failing `before`/`after` hook fails the run in `node:test`: here it shows as a failed test of that name. */
const HOOK_TEST = (kind: string): string => `<${kind} hook>`;

/** Where an assertion function is called from, as the recording copy of `node:assert` sees it. */
export interface AssertionCall {
  /** Called with the failure (its first line) when it throws or its promise rejects. */
  fail(message: string): void;
  /** Called when the promise of `rejects`/`doesNotReject` settles. */
  settled(): void;
}

const OVERSPECIFIED = 'passed a callback but also returned a Promise';

type TestFn = (t: TestContext, done: (error?: unknown) => void) => unknown;
type HookFn = (t?: TestContext) => unknown;

interface TestContext {
  readonly name: string;
  readonly signal: AbortSignal;
  test(...args: unknown[]): Promise<void>;
  skip(message?: string): void;
  todo(message?: string): void;
  diagnostic(message: string): void;
  plan(count: number): void;
}

interface Suite {
  readonly name: string;
  readonly parent: Suite | null;
  readonly beforeEach: HookFn[];
  readonly afterEach: HookFn[];
  readonly after: HookFn[];
}

interface Parsed {
  readonly name: string;
  readonly options: { skip?: unknown; todo?: unknown };
  readonly fn: TestFn | undefined;
}

function parseArgs(args: readonly unknown[]): Parsed {
  let name: string | undefined;
  let options: Parsed['options'] = {};
  let fn: TestFn | undefined;
  for (const arg of args) {
    if (typeof arg === 'string') name = arg;
    else if (typeof arg === 'function') fn = arg as TestFn;
    else if (typeof arg === 'object' && arg !== null) options = arg;
  }
  return { name: name ?? fn?.name ?? '<anonymous>', options, fn };
}

/** A promise or any object with a `then` method (what `await` and the runner wait for); the worker asks it too. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** The exports a snippet gets for `node:test`, for one run. */
export function createTestModule(host: TestHost): Record<string, unknown> {
  const root: Suite = { name: '', parent: null, beforeEach: [], afterEach: [], after: [] };
  let suite = root;
  const queue: (() => Promise<void>)[] = [];
  let draining = false;

  const enqueue = (job: () => Promise<void>): void => {
    queue.push(job);
    if (draining) return;
    draining = true;
    host.schedule(() => {
      drain().catch((error: unknown) => {
        end(host.begin(HOOK_TEST('runner')), error, true);
      });
    });
  };

  /** Runs the queued tests one after another, then the top-level `after` hooks. No job rejects: failures are recorded. */
  const drain = async (): Promise<void> => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) await job();
    for (const hook of root.after.splice(0)) await runHook(hook, 'after');
    draining = false;
  };

  const fullName = (owner: Suite, name: string): string => {
    const parts = [name];
    for (let at: Suite | null = owner; at && at !== root; at = at.parent) parts.unshift(at.name);
    return parts.join(' > ');
  };

  const hooksOf = (owner: Suite, kind: 'beforeEach' | 'afterEach'): HookFn[] => {
    const chain: Suite[] = [];
    for (let at: Suite | null = owner; at; at = at.parent) chain.unshift(at);
    const hooks = chain.flatMap((item) => item[kind]);
    return kind === 'afterEach' ? hooks.reverse() : hooks;
  };

  /** Runs one test: its `beforeEach` hooks, its function (ended as `node:test` ends it), its `afterEach` hooks. */
  const runTest = async (state: TestState, owner: Suite, parsed: Parsed): Promise<void> => {
    if (parsed.options.skip !== undefined && parsed.options.skip !== false) {
      state.outcome = 'skipped';
      state.ended = true;
      return;
    }
    try {
      for (const hook of hooksOf(owner, 'beforeEach')) await hook();
    } catch (error) {
      end(state, error, true);
      return;
    }
    await invoke(state, parsed.fn);
    try {
      for (const hook of hooksOf(owner, 'afterEach')) await hook();
    } catch (error) {
      if (state.outcome === 'passed') {
        state.outcome = 'failed';
        state.error = host.formatError(error);
      }
    }
  };

  const end = (state: TestState, error: unknown, failed = error !== null): void => {
    if (state.ended) return;
    state.ended = true;
    if (state.outcome === 'unfinished') state.outcome = failed ? 'failed' : 'passed';
    if (failed && state.error === null) state.error = host.formatError(error);
  };

  /** Calls the test function; the returned promise settles when the test has ended (never rejects). */
  const invoke = (state: TestState, fn: TestFn | undefined): Promise<void> => {
    if (!fn) {
      end(state, null);
      return Promise.resolve();
    }
    if (fn.length >= 2) return invokeWithDone(state, fn);
    let returned: unknown;
    try {
      returned = host.inTest(state, () =>
        fn(contextFor(state), () => {
          // Not declared, not waited for.
        }),
      );
    } catch (error) {
      end(state, error, true);
      return Promise.resolve();
    }
    if (isThenable(returned)) {
      return Promise.resolve(returned).then(
        () => {
          end(state, null);
        },
        (error: unknown) => {
          end(state, error, true);
        },
      );
    }
    // A synchronous test has ended when its function returns: whatever it started is on its own.
    end(state, null);
    return Promise.resolve();
  };

  /** A test that takes `done` ends when it calls it; if it also returns a promise, it fails for that alone. */
  const invokeWithDone = (state: TestState, fn: TestFn): Promise<void> =>
    new Promise<void>((resolve) => {
      const finish = (error: unknown, failed?: boolean): void => {
        end(state, error, failed);
        resolve();
      };
      let returned: unknown;
      try {
        returned = host.inTest(state, () =>
          fn(contextFor(state), (error?: unknown) => {
            finish(error ?? null);
          }),
        );
      } catch (error) {
        finish(error, true);
        return;
      }
      if (!isThenable(returned)) return;
      // node:test fails it at once and still waits for the promise; Jest and Mocha fail it too.
      state.overspecified = true;
      state.outcome = 'failed';
      state.error = `Error: ${OVERSPECIFIED}`;
      Promise.resolve(returned).then(
        () => {
          finish(null);
        },
        () => {
          finish(null);
        },
      );
    });

  /** Runs a `before`/`after` hook; a failure is recorded as a failed test named after the hook. */
  const runHook = async (hook: HookFn, kind: string): Promise<void> => {
    try {
      await hook();
    } catch (error) {
      end(host.begin(HOOK_TEST(kind)), error, true);
    }
  };

  const contextFor = (state: TestState): TestContext => {
    let controller: AbortController | undefined;
    return {
      name: state.name,
      get signal() {
        controller ??= new AbortController();
        return controller.signal;
      },
      test: (...args: unknown[]) => {
        const parsed = parseArgs(args);
        const child = host.begin(`${state.name} > ${parsed.name}`);
        return runTest(child, root, parsed);
      },
      skip: () => {
        state.outcome = 'skipped';
      },
      todo: () => {
        // Runs as usual; a todo test's failure does not count in node:test either way.
      },
      diagnostic: () => {
        // Output only.
      },
      plan: () => {
        // Not checked.
      },
    };
  };

  const test = (...args: unknown[]): Promise<void> => {
    const parsed = parseArgs(args);
    const owner = suite;
    const name = fullName(owner, parsed.name);
    return new Promise<void>((resolve) => {
      enqueue(async () => {
        await runTest(host.begin(name), owner, parsed);
        resolve();
      });
    });
  };

  const describe = (...args: unknown[]): Promise<void> => {
    const parsed = parseArgs(args);
    const child: Suite = { name: parsed.name, parent: suite, beforeEach: [], afterEach: [], after: [] };
    if (parsed.options.skip !== undefined && parsed.options.skip !== false) return Promise.resolve();
    suite = child;
    try {
      (parsed.fn as unknown as (() => unknown) | undefined)?.();
    } finally {
      suite = child.parent ?? root;
    }
    enqueue(async () => {
      for (const hook of child.after) await runHook(hook, 'after');
    });
    return Promise.resolve();
  };

  const hook =
    (kind: 'beforeEach' | 'afterEach' | 'after' | 'before') =>
    (fn: HookFn): void => {
      if (kind === 'before') enqueue(() => runHook(fn, 'before'));
      else suite[kind].push(fn);
    };

  const exports: Record<string, unknown> = {
    test,
    it: test,
    describe,
    suite: describe,
    before: hook('before'),
    after: hook('after'),
    beforeEach: hook('beforeEach'),
    afterEach: hook('afterEach'),
  };
  // The module is `test` itself, as the real one is: `import test from 'node:test'` and `import { test } from 'node:test'` both work.
  return Object.assign(test, exports, { default: test });
}

/** Assertion functions of `node:assert` (and `node:assert/strict`) that the recording copy wraps. */
const ASSERTIONS = new Set([
  'ok',
  'equal',
  'notEqual',
  'deepEqual',
  'notDeepEqual',
  'strictEqual',
  'notStrictEqual',
  'deepStrictEqual',
  'notDeepStrictEqual',
  'partialDeepStrictEqual',
  'throws',
  'doesNotThrow',
  'rejects',
  'doesNotReject',
  'match',
  'doesNotMatch',
  'fail',
  'ifError',
]);

/** The failure on one line: `AssertionError: Expected values to be strictly equal: 50 !== 80` (the message's lines, joined; at most 200 characters). */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * A recording copy of `node:assert` or `node:assert/strict`: the module is a
 * function (`assert(value)`) with the assertion functions as properties, and
 * `assert.strict` is the strict one. `start(api)` is called before each
 * assertion and returns what to tell when it fails or its promise settles.
 */
export function recordingAssert(real: (...args: unknown[]) => unknown, start: (api: string) => AssertionCall | null, strict?: Record<string, unknown>): Record<string, unknown> {
  const wrap = (fn: (...args: unknown[]) => unknown, api: string) =>
    function (this: unknown, ...args: unknown[]): unknown {
      const call = start(api);
      if (!call) return fn.apply(this, args);
      let result: unknown;
      try {
        result = fn.apply(this, args);
      } catch (error) {
        call.fail(oneLine(error));
        throw error;
      }
      if (!isThenable(result)) return result;
      // A new promise that settles as the assertion's does: an unhandled rejection stays unhandled.
      return Promise.resolve(result).then(
        (value: unknown) => {
          call.settled();
          return value;
        },
        (error: unknown) => {
          call.fail(oneLine(error));
          call.settled();
          throw error;
        },
      );
    };
  const copy = wrap(real, 'assert') as unknown as Record<string, unknown>;
  for (const key of Reflect.ownKeys(real)) {
    if (key === 'prototype' || key === 'length' || key === 'name') continue;
    const descriptor = Object.getOwnPropertyDescriptor(real, key);
    if (!descriptor) continue;
    const value: unknown = descriptor.value;
    if (typeof key === 'string' && typeof value === 'function' && ASSERTIONS.has(key)) {
      Object.defineProperty(copy, key, { ...descriptor, value: wrap(value as (...args: unknown[]) => unknown, `assert.${key}`) });
    } else if (key === 'strict' && value === real) {
      Object.defineProperty(copy, key, { ...descriptor, value: copy });
    } else if (key === 'strict' && strict) {
      Object.defineProperty(copy, key, { ...descriptor, value: strict });
    } else {
      Object.defineProperty(copy, key, descriptor);
    }
  }
  return copy;
}
