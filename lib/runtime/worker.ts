/**
 * The shim's worker: one long-lived `worker_threads` Worker that runs one
 * snippet at a time and reports what happened. A worker, not the host's
 * realm or a `vm` context, because the test runner tracks unhandled
 * rejections of its own realm; here they are ours alone.
 *
 * Everything is counted or intercepted, nothing is judged by time:
 *
 * - promises: `v8.promiseHooks` see each promise the snippet creates
 *   (attributed through `AsyncLocalStorage`, which follows the snippet's
 *   callbacks and continuations wherever they run) and when it settles; a
 *   macrotask counter (async_hooks `before` of timers, immediates, I/O) tells
 *   which settled in a later turn of the event loop than `main` did;
 * - unhandled rejections: `process.on('unhandledRejection')`;
 * - blocking calls and I/O: the snippet's `require` hands out recording copies
 *   of `node:fs`, `node:child_process`, `node:zlib`, `node:crypto`, ... and
 *   `Atomics.wait` is wrapped; the stack of each call says whether an async
 *   function or a promise callback was running (lib/runtime/stack.ts) and
 *   whether a constructor was;
 * - busy-waits: the clock (`Date.now`, `performance.now`, `process.hrtime`)
 *   read hundreds of times within one macrotask (no event-loop turn between);
 * - order: console output and mock operations, in sequence.
 *
 * Time is used only to give up (`timeoutMs`) and as information (`stallMs`).
 */
import { AsyncLocalStorage, createHook } from 'node:async_hooks';
import type { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { format, inspect } from 'node:util';
import { promiseHooks } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { functionAt } from './function-spans.js';
import { IO_MODULES, patchBlockingGlobals, recordingCopy, type CallInfo } from './hooks.js';
import type { MockSpec, RunRequest, RunResponse, WorkerReport } from './protocol.js';
import type {
  AssertionRecord,
  BlockingCall,
  CallContext,
  ConstructorIo,
  LateSettlement,
  NeverSettled,
  OrderEvent,
  RequestRecord,
  UnhandledRejection,
} from './report.js';
import { createTestModule, isThenable, recordingAssert, type AssertionCall, type TestState } from './test-harness.js';
import { callContext, captureStack, constructorOnStack, parseStack, userStack, type Frame, type FunctionLookup } from './stack.js';

/** Clock reads in one stretch without an event-loop turn that make a busy-wait. A real one makes thousands. */
const BUSY_WAIT_READS = 200;
/**
 * Within one macrotask, the clock the snippet sees advances at most this much
 * (ms) per read, until the reads make a busy-wait: a loop that spins until
 * `BUSY_WAIT_READS * CLOCK_STEP_MS` (4 ms) have passed reads the clock at least
 * `BUSY_WAIT_READS` times however long the OS keeps the thread off the CPU. On
 * the real clock, a thread descheduled right after `end = Date.now() + 5` comes
 * back past `end` and the loop ends after two reads: a verdict that depended on
 * the machine's load. The first read of each macrotask is the real time.
 */
const CLOCK_STEP_MS = 0.02;
const STACK_DEPTH = 40;
/** Resources that call back once: done after that callback, whenever their `destroy` arrives. */
const ONE_SHOT = /REQ|^(QUERYWRAP|SHUTDOWNWRAP|WRITEWRAP|TCPCONNECTWRAP|PIPECONNECTWRAP|TickObject|Immediate|Microtask)$/;
const FS_MODULES = new Set(['fs', 'fs/promises']);
/** A promise made with an executor: the first frame above Node's promise-hook dispatch is the constructor. */
const EXECUTOR_PROMISE = /^[^\n]*\n(?:\s*at [^\n]*\(node:internal\/promise_hooks[^\n]*\n)*\s*at new Promise \(<anonymous>\)/;
/** fs functions whose second argument is a path too. */
const TWO_PATHS = /^(rename|copyFile|cp|link)(Sync)?$/;

const real = {
  setImmediate: globalThis.setImmediate,
  setTimeout: globalThis.setTimeout,
  now: performance.now.bind(performance),
  dateNow: Date.now,
  hrtime: process.hrtime,
  fetch: globalThis.fetch,
  abort: Reflect.get(AbortController.prototype, 'abort') as (this: AbortController, reason?: unknown) => void,
};
const load = createRequire(import.meta.url);

interface Store {
  readonly run: Run;
  readonly phase: 'module' | 'main';
}

interface PromiseRecord {
  readonly run: Run;
  readonly phase: Store['phase'];
  readonly holder: { stack?: string };
  /** Something waits on it: a `then` or an `await` made a promise from it. */
  reacted: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface OpenRequest {
  readonly record: Mutable<RequestRecord>;
  readonly signal: AbortSignal | null;
}

interface ResourceRecord {
  readonly type: string;
  readonly resource: unknown;
  readonly holder: { stack?: string };
}

interface UnhandledRecord {
  readonly promise: Promise<unknown>;
  readonly reason: string;
  readonly holder: { stack?: string } | undefined;
  handledLater: boolean;
}

class Run {
  readonly unhandled: UnhandledRecord[] = [];
  readonly late: { stack?: string }[] = [];
  readonly blocking: BlockingCall[] = [];
  readonly constructorIo: ConstructorIo[] = [];
  readonly order: OrderEvent[] = [];
  readonly uncaught: string[] = [];
  readonly resources = new Map<number, ResourceRecord>();
  readonly mockCalls = new Map<string, number>();
  /** The run's promises not settled yet (the culprits of a wait that never ends are among them). */
  readonly pending = new Set<Promise<unknown>>();
  readonly assertions: Mutable<AssertionRecord>[] = [];
  readonly tests: TestState[] = [];
  /** The snippet's `node:test`, made on first import. */
  testModule: Record<string, unknown> | null = null;
  /** Timers, immediates and I/O requests of the snippet alive now (async ids), and the most at once. */
  readonly inFlight = new Set<number>();
  peak = 0;
  peakHolder: { stack?: string } | null = null;
  readonly requests: Mutable<RequestRecord>[] = [];
  readonly openRequests = new Set<OpenRequest>();
  neverSettled: NeverSettled | null = null;
  /** The macrotask in which `main` settled; promises settling in a later one are late. */
  entryTurn: number | null = null;
  /** `process.exit` was called: nothing more is recorded. */
  frozen = false;
  exit: WorkerReport['exit'] = null;
  /** The listeners the snippet added to `process` for an event. */
  addedListeners: (event: string | symbol) => readonly unknown[] = () => [];
  /** How deep we are inside callbacks of the snippet's own timers, immediates and I/O. */
  callbackDepth = 0;
  clockReads = 0;
  /** The real clocks at the first read of the current macrotask, and how far the snippet's clock has advanced since. */
  clockStart = { perf: 0, date: 0, hr: 0n };
  clockElapsed = 0;
  /** The macrotask of the last clock read: reads are counted per macrotask. */
  clockTurn = -1;
  busyReported = false;

  constructor(
    readonly request: RunRequest,
    readonly sandbox: string,
  ) {}

  /** Frames of this run's snippet (its file is in the scratch directory; stacks show `snippet.ts` through the source map). */
  readonly isOwn = (file: string): boolean => file.startsWith(this.sandbox + path.sep);

  /** A stack or error text with the snippet's frames only, its file shown as `snippet.ts`. */
  clean(stack: string, userFramesOnly = true): string {
    return (userFramesOnly ? userStack(stack, this.isOwn) : stack).split(this.sandbox + path.sep).join('');
  }

  log(kind: OrderEvent['kind'], name: string, call: number, text: string): void {
    if (this.frozen) return;
    this.order.push({ seq: this.order.length, kind, name, call, text });
  }
}

const als = new AsyncLocalStorage<Store>();
/** The `node:test` test whose code is running (its callbacks and continuations included). */
const testAls = new AsyncLocalStorage<TestState>();
const promises = new WeakMap<Promise<unknown>, PromiseRecord>();
/** Ids of the live resources whose callbacks start a macrotask (timers, immediates, I/O; not promises or `nextTick`). */
const macrotaskIds = new Set<number>();
let turn = 0;
let current: Run | null = null;

/** The run whose code is executing now, or null (no run, another run's leftovers, or the shim's own code). */
function activeRun(): Run | null {
  const store = als.getStore();
  return store && store.run === current && !store.run.frozen ? store.run : null;
}

promiseHooks.onInit(function onInit(promise, parent) {
  // Marked whatever runs now: the `then` that adopts a returned promise runs in a job with no store.
  // (`parent` is undefined for a promise that nothing made: WeakMap.get answers undefined.)
  const waitedOn = promises.get(parent);
  if (waitedOn) waitedOn.reacted = true;
  const store = als.getStore();
  if (!store || store.run !== current || store.run.frozen) return;
  const holder: { stack?: string } = {};
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = STACK_DEPTH;
  Error.captureStackTrace(holder, onInit);
  Error.stackTraceLimit = saved;
  promises.set(promise, { run: store.run, phase: store.phase, holder, reacted: false });
  store.run.pending.add(promise);
});

promiseHooks.onSettled((promise) => {
  const record = promises.get(promise);
  if (!record) return;
  const run = record.run;
  run.pending.delete(promise);
  if (run !== current || run.frozen || record.phase !== 'main' || run.entryTurn === null || turn <= run.entryTurn) return;
  run.late.push(record.holder);
});

createHook({
  init(asyncId, type, _triggerAsyncId, resource) {
    if (type === 'PROMISE') return;
    if (type !== 'TickObject') macrotaskIds.add(asyncId);
    const run = activeRun();
    if (!run) return;
    const holder: { stack?: string } = {};
    const saved = Error.stackTraceLimit;
    Error.stackTraceLimit = STACK_DEPTH;
    Error.captureStackTrace(holder);
    Error.stackTraceLimit = saved;
    run.resources.set(asyncId, { type, resource, holder });
    if (type !== 'TickObject' && type !== 'Microtask') {
      run.inFlight.add(asyncId);
      if (run.inFlight.size > run.peak) {
        run.peak = run.inFlight.size;
        run.peakHolder = holder;
      }
    }
  },
  before(asyncId) {
    if (macrotaskIds.has(asyncId)) turn++;
    if (current?.resources.has(asyncId)) current.callbackDepth++;
  },
  after(asyncId) {
    const run = current;
    const record = run?.resources.get(asyncId);
    if (!run || !record) return;
    run.callbackDepth--;
    // A one-shot callback, or a `setTimeout` that has fired, is an operation that is over (its `destroy` comes a turn or more later).
    if (ONE_SHOT.test(record.type)) {
      run.resources.delete(asyncId);
      run.inFlight.delete(asyncId);
    } else if (record.type === 'Timeout' && !(record.resource as { _repeat?: unknown })._repeat) {
      run.inFlight.delete(asyncId);
    }
  },
  destroy(asyncId) {
    macrotaskIds.delete(asyncId);
    current?.resources.delete(asyncId);
    current?.inFlight.delete(asyncId);
  },
}).enable();

process.on('unhandledRejection', (reason, promise) => {
  const run = current;
  if (!run || run.frozen) return;
  run.unhandled.push({ promise, reason: formatError(reason), holder: promises.get(promise)?.holder, handledLater: false });
});

process.on('rejectionHandled', (promise) => {
  const record = current?.unhandled.find((item) => item.promise === promise);
  if (record) record.handledLater = true;
});

process.on('uncaughtException', (error) => {
  const run = current;
  if (run && !run.frozen) run.uncaught.push(formatError(error));
});

process.setSourceMapsEnabled(true);

// ---- what the snippet sees ----

const lookup: FunctionLookup = (file, line, column) => {
  const run = current;
  if (!run || file !== path.join(run.sandbox, 'snippet.ts')) return null;
  return functionAt(run.request.spans, line, column);
};

/** Where a call runs: async code by its stack, else a callback of the snippet's own timers and I/O, else startup or sync code. */
function contextOf(run: Run, frames: readonly Frame[]): CallContext {
  const context = callContext(frames, run.isOwn, lookup);
  return context === 'sync' && run.callbackDepth > 0 ? 'callback' : context;
}

/** Before every recorded I/O or blocking call: scratch-directory paths, then the stack checks. */
function beforeCall(info: CallInfo, args: unknown[]): unknown[] {
  const run = activeRun();
  if (!run) return args;
  const actual = FS_MODULES.has(info.module) ? inSandbox(run, info.name, args) : args;
  const stack = captureStack(STACK_DEPTH);
  const frames = parseStack(stack);
  if (info.blocking) {
    run.blocking.push({ api: info.api, context: contextOf(run, frames), stack: run.clean(stack) });
  }
  const className = constructorOnStack(frames, run.isOwn);
  if (className !== null) run.constructorIo.push({ api: info.api, className, stack: run.clean(stack) });
  return actual;
}

/** Relative paths resolve in the run's scratch directory, never in the repository. */
function inSandbox(run: Run, name: string, args: unknown[]): unknown[] {
  const count = TWO_PATHS.test(name) ? 2 : 1;
  return args.map((arg, index) => (index < count && typeof arg === 'string' && !path.isAbsolute(arg) ? path.resolve(run.sandbox, arg) : arg));
}

const modules = new Map<string, Record<string, unknown>>();
for (const name of IO_MODULES) modules.set(name, recordingCopy(name, load(name) as object, beforeCall, true));
const fsCopy = modules.get('fs');
// `fs.promises` is a getter on the real module: the copy's must lead to the recording `fs/promises` too.
if (fsCopy) Object.defineProperty(fsCopy, 'promises', { value: modules.get('fs/promises'), enumerable: true });

/** Before each assertion of the snippet's `node:assert`: what to note when it fails or settles (null outside a run). */
function startAssertion(api: string): AssertionCall | null {
  const run = activeRun();
  if (!run) return null;
  const test = testAls.getStore() ?? null;
  const record: Mutable<AssertionRecord> = {
    api,
    passed: true,
    message: null,
    test: test?.name ?? null,
    late: test?.ended ?? false,
    stack: run.clean(captureStack(STACK_DEPTH)),
  };
  run.assertions.push(record);
  return {
    fail(message) {
      record.passed = false;
      record.message = message;
    },
    settled() {
      if (test?.ended) record.late = true;
    },
  };
}

const assertStrict = recordingAssert(load('node:assert/strict') as (...args: unknown[]) => unknown, startAssertion);
modules.set('assert/strict', assertStrict);
modules.set('assert', recordingAssert(load('node:assert') as (...args: unknown[]) => unknown, startAssertion, assertStrict));

function testModule(run: Run): Record<string, unknown> {
  run.testModule ??= createTestModule({
    begin(name) {
      const state: TestState = { name, outcome: 'unfinished', error: null, overspecified: false, ended: false };
      run.tests.push(state);
      return state;
    },
    inTest: (state, fn) => testAls.run(state, fn),
    schedule(task) {
      real.setImmediate(task);
    },
    formatError: (error) => run.clean(formatError(error)),
  });
  return run.testModule;
}

function snippetRequire(specifier: string): unknown {
  const bare = specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
  const run = activeRun();
  if (bare === 'test' && run) return testModule(run);
  const copy = modules.get(bare);
  if (copy) return copy;
  if (isBuiltin(specifier)) return load(specifier);
  throw new Error(`A snippet may import Node.js builtins only, not '${specifier}': declare what else it uses (\`declare function save(): Promise<void>;\`) and pass a mock.`);
}

/** What the snippet's clocks read now: the real ones, or the stepped ones while a busy-wait may be under way (`CLOCK_STEP_MS`). */
interface ClockReading {
  readonly perf: number;
  readonly date: number;
  readonly hr: bigint;
}

function realClocks(): ClockReading {
  return { perf: real.now(), date: real.dateNow(), hr: real.hrtime.bigint() };
}

/** Counts a clock read of the snippet (reporting a busy-wait at `BUSY_WAIT_READS` in one macrotask) and says what the clocks read. */
function onClockRead(): ClockReading {
  const run = activeRun();
  if (!run) return realClocks();
  // Counted per macrotask: a busy-wait never lets the event loop run another one, however
  // long it spins (and a loop of `await null` stays in one too). No probe timer: its turn
  // would depend on when the OS schedules the thread.
  if (run.clockTurn !== turn) {
    run.clockTurn = turn;
    run.clockReads = 0;
    run.busyReported = false;
    run.clockStart = realClocks();
    run.clockElapsed = 0;
  }
  run.clockReads++;
  noteBusyWait(run);
  if (run.clockReads === 1 || run.busyReported) return realClocks();
  // Never ahead of the real clock, and never more than a step per read: the same loop makes the same number of reads under any load.
  run.clockElapsed = Math.min(real.now() - run.clockStart.perf, run.clockElapsed + CLOCK_STEP_MS);
  return {
    perf: run.clockStart.perf + run.clockElapsed,
    date: run.clockStart.date + Math.floor(run.clockElapsed),
    hr: run.clockStart.hr + BigInt(Math.floor(run.clockElapsed * 1e6)),
  };
}

function noteBusyWait(run: Run): void {
  if (run.clockReads >= BUSY_WAIT_READS && !run.busyReported) {
    run.busyReported = true;
    const stack = captureStack(STACK_DEPTH);
    run.blocking.push({
      api: 'busy-wait',
      context: contextOf(run, parseStack(stack)),
      stack: run.clean(stack),
    });
  }
}

function mock(run: Run, name: string, spec: MockSpec): (...args: unknown[]) => unknown {
  return function mocked(): unknown {
    const call = (run.mockCalls.get(name) ?? 0) + 1;
    run.mockCalls.set(name, call);
    run.log('start', name, call, '');
    beforeCall({ api: name, module: 'mock', name, blocking: false }, []);
    const settle = (): unknown => {
      run.log('end', name, call, spec.rejects === undefined ? 'fulfilled' : 'rejected');
      return spec.returns === undefined ? undefined : structuredClone(spec.returns);
    };
    if (spec.kind === 'sync') {
      const value = settle();
      if (spec.rejects !== undefined) throw new Error(spec.rejects);
      return value;
    }
    return new Promise((resolve, reject) => {
      let left = Math.max(1, spec.turns ?? 1);
      const hop = (): void => {
        left--;
        if (left > 0) {
          real.setImmediate(hop);
          return;
        }
        const value = settle();
        if (spec.rejects === undefined) resolve(value);
        else reject(new Error(spec.rejects));
      };
      real.setImmediate(hop);
    });
  };
}

/** Swaps in what the snippet sees (console, clock, `Atomics.wait`, `process.exit`, `process.cwd`, mocks); returns the undo. */
function install(run: Run): () => void {
  const undo: (() => void)[] = [];
  const swap = <T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void => {
    const had = Object.prototype.hasOwnProperty.call(target, key);
    const original = target[key];
    target[key] = value;
    undo.push(() => {
      if (had) target[key] = original;
      else Reflect.deleteProperty(target, key);
    });
  };
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  for (const method of consoleMethods) {
    swap(console, method, (...args: unknown[]) => {
      run.log('log', method, 0, format(...args));
    });
  }
  swap(Date, 'now', () => onClockRead().date);
  swap(performance, 'now', () => onClockRead().perf);
  const hrtime = Object.assign(
    (time?: [number, number]): [number, number] => {
      let ns = onClockRead().hr;
      if (time) ns -= BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);
      return [Number(ns / 1_000_000_000n), Number(ns % 1_000_000_000n)];
    },
    { bigint: () => onClockRead().hr },
  );
  swap(process, 'hrtime', hrtime);
  swap(process, 'cwd', () => run.sandbox);
  swap(process, 'exit', ((code?: number | string | null) => {
    if (run.frozen) return undefined;
    run.exit = { code: Number(code ?? process.exitCode ?? 0), pendingWork: liveWork(run) };
    // The waits in runOnce see `frozen` within a turn and end the run.
    run.frozen = true;
    return undefined as never;
  }) as typeof process.exit);
  const exitCode = process.exitCode;
  undo.push(() => {
    process.exitCode = exitCode;
  });
  undo.push(patchBlockingGlobals(beforeCall));
  // Listeners the snippet adds to `process` are its own: emulated at the end (beforeExit, exit), then removed.
  // `process` as the plain EventEmitter it is: its typings overload every event by name.
  const emitter = process as unknown as EventEmitter;
  const listening = new Map(emitter.eventNames().map((event) => [event, emitter.listeners(event)]));
  run.addedListeners = (event) => emitter.listeners(event).filter((listener) => !(listening.get(event) ?? []).includes(listener));
  undo.push(() => {
    for (const event of emitter.eventNames()) {
      for (const listener of run.addedListeners(event)) emitter.off(event, listener as (...args: unknown[]) => void);
    }
  });
  const globals = globalThis as unknown as Record<string, unknown>;
  swap(globals, 'fetch', recordingFetch(run));
  swap(AbortController.prototype, 'abort', function abort(this: AbortController, reason?: unknown): void {
    real.abort.call(this, reason);
    if (activeRun() !== run) return;
    // Requests still open whose own signal did not follow this abort: the cancel did not reach them.
    for (const open of run.openRequests) if (open.signal?.aborted !== true) open.record.outlivedAbort = true;
  });
  for (const [name, spec] of Object.entries(run.request.mocks)) swap(globals, name, mock(run, name, spec));
  return () => {
    for (const step of undo.reverse()) step();
  };
}

/** `fetch`, noting for each request whether it could be cancelled and how it ended. */
function recordingFetch(run: Run): typeof fetch {
  return function fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    if (activeRun() !== run) return real.fetch(input, init);
    const isRequest = typeof input === 'object' && 'signal' in input;
    const signal = init?.signal ?? (isRequest ? input.signal : null);
    const record: Mutable<RequestRecord> = {
      api: 'fetch',
      url: isRequest ? input.url : String(input),
      // A Request always carries a signal; whether it can ever abort is not known, so it counts as given.
      cancellable: signal !== null || isRequest,
      outcome: 'pending',
      outlivedAbort: false,
      stack: run.clean(captureStack(STACK_DEPTH)),
    };
    run.requests.push(record);
    const open: OpenRequest = { record, signal };
    run.openRequests.add(open);
    // A new promise that settles as the request does: a rejection nobody handles stays unhandled.
    return real.fetch(input, init).then(
      (response) => {
        record.outcome = 'response';
        run.openRequests.delete(open);
        return response;
      },
      (error: unknown) => {
        record.outcome = 'error';
        run.openRequests.delete(open);
        throw error;
      },
    );
  };
}

/** The snippet's `new Promise(...)` promises, still pending, that something waits on. */
function waitingOn(run: Run): string[] {
  const stacks: string[] = [];
  for (const promise of run.pending) {
    const record = promises.get(promise);
    if (!record?.reacted || !EXECUTOR_PROMISE.test(record.holder.stack ?? '')) continue;
    stacks.push(run.clean(record.holder.stack ?? ''));
  }
  return [...new Set(stacks)];
}

// ---- running ----

type Outcome =
  | { kind: 'value'; value: unknown }
  | { kind: 'error'; error: unknown }
  /** Still pending at the deadline, or `process.exit` was called. */
  | { kind: 'pending' }
  /** Still pending with none of the snippet's timers or I/O alive: nothing can settle it any more. */
  | { kind: 'stuck' };

/** Waits for `promise`, until the deadline or `process.exit`, or until nothing is left that could settle it. */
async function settleBy(promise: Promise<unknown>, run: Run, deadline: number): Promise<Outcome> {
  let done = false;
  // Read through a call: the checker cannot see that the `finally` below flips it while the watcher awaits.
  const finished = (): boolean => done;
  const watch = async (): Promise<Outcome> => {
    while (!finished()) {
      if (run.frozen || real.now() >= deadline) return { kind: 'pending' };
      if (liveWork(run).length === 0) {
        await tick();
        await tick();
        if (!finished() && liveWork(run).length === 0) return { kind: 'stuck' };
      } else {
        await new Promise((resolve) => real.setTimeout(resolve, 1));
      }
    }
    return { kind: 'pending' };
  };
  const settled = promise.then(
    (value): Outcome => ({ kind: 'value', value }),
    (error: unknown): Outcome => ({ kind: 'error', error }),
  );
  try {
    return await Promise.race([settled, watch()]);
  } finally {
    done = true;
  }
}

function tick(): Promise<void> {
  return new Promise((resolve) => real.setImmediate(resolve));
}

/** The snippet's timers and I/O that still keep the event loop alive. */
function liveWork(run: Run): string[] {
  const live: string[] = [];
  for (const record of run.resources.values()) {
    const resource = record.resource as { hasRef?: () => boolean; _destroyed?: boolean; ondone?: unknown } | null;
    if (resource?._destroyed === true) continue;
    if (typeof resource?.hasRef === 'function' && !resource.hasRef()) continue;
    // A crypto job with no `ondone` callback ran synchronously (`randomBytes(16)`): it made a resource but has nothing left to do.
    if (record.type.endsWith('REQUEST') && typeof resource?.ondone !== 'function') continue;
    const where = run.clean(record.holder.stack ?? '').split('\n').find((line) => line.includes('snippet.ts'));
    live.push(where ? `${record.type} ${where.trim()}` : record.type);
  }
  return live;
}

/**
 * What Node does when the event loop runs out of work, for the snippet's own
 * listeners: `beforeExit` (again each time a listener schedules more work, as
 * Node does; at most a few times), then `exit`, synchronously. A worker thread
 * would emit neither. Returns what is still alive at the deadline.
 */
async function exitLifecycle(run: Run, deadline: number): Promise<string[]> {
  const code = (): number => Number(process.exitCode ?? 0);
  for (let round = 0; round < 5 && !run.frozen && run.addedListeners('beforeExit').length > 0; round++) {
    als.run({ run, phase: 'module' }, () => process.emit('beforeExit', code()));
    if (liveWork(run).length === 0) break;
    const left = await drain(run, deadline);
    if (left.length > 0) return left;
  }
  if (!run.frozen) {
    als.run({ run, phase: 'module' }, () => {
      for (const listener of run.addedListeners('exit')) (listener as (code: number) => void).call(process, code());
    });
  }
  await tick();
  await tick();
  return [];
}

/** Lets the snippet's timers and I/O finish, until the deadline; returns what is still alive then. */
async function drain(run: Run, deadline: number): Promise<string[]> {
  for (;;) {
    if (run.frozen) return [];
    if (liveWork(run).length === 0) {
      // Destroy hooks and rejection events lag a turn behind the callbacks that caused them.
      await tick();
      await tick();
      if (liveWork(run).length === 0) return [];
      continue;
    }
    if (real.now() >= deadline) return liveWork(run);
    await new Promise((resolve) => real.setTimeout(resolve, 1));
  }
}

function formatError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return `non-error thrown: ${inspect(error, { depth: 3 })}`;
}

function cloneable(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return inspect(value, { depth: 4 });
  }
}

/**
 * The snippet as a file: the CommonJS output inside an async function (so
 * top-level `await` works), to be loaded through Node's own module loader,
 * which applies the source map to every stack (a `vm` script would not).
 */
async function writeSnippet(request: RunRequest, sandbox: string): Promise<string> {
  const body = request.js.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  const file = path.join(sandbox, 'snippet.cjs');
  // The wrapper shares the first line with the snippet's `"use strict";`, so every other line keeps its number.
  const source = `module.exports = async function topLevel(exports, require, module, __filename, __dirname) {${body}\n};\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(request.map).toString('base64')}\n`;
  await writeFile(file, source);
  return file;
}

function compile(file: string): (...args: unknown[]) => Promise<unknown> {
  try {
    return load(file) as (...args: unknown[]) => Promise<unknown>;
  } finally {
    Reflect.deleteProperty(load.cache, file);
  }
}

async function runOnce(request: RunRequest): Promise<RunResponse> {
  const started = real.now();
  const deadline = started + request.timeoutMs;
  const sandbox = await mkdtemp(path.join(tmpdir(), 'async-pitfalls-'));
  for (const [name, text] of Object.entries(request.files)) {
    const file = path.resolve(sandbox, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  const snippetFile = await writeSnippet(request, sandbox);
  const run = new Run(request, sandbox);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let error: unknown = undefined;
  let failed = false;
  let timedOut = false;
  let hasMain = false;
  let result: unknown = undefined;
  let yielded: boolean | null = null;
  let leftovers: string[] = [];

  current = run;
  const restore = install(run);
  delay.enable();
  try {
    const moduleObject = { exports: {} as Record<string, unknown> };
    let body: Promise<unknown>;
    try {
      const fn = compile(snippetFile);
      body = als.run({ run, phase: 'module' }, () => fn(moduleObject.exports, snippetRequire, moduleObject, path.join(sandbox, 'snippet.ts'), sandbox));
    } catch (thrown) {
      body = Promise.reject(thrown instanceof Error ? thrown : new Error(String(thrown)));
    }
    const loaded = await settleBy(body, run, deadline);
    [failed, error, timedOut] = judge(loaded, run, 'The module body');
    if (loaded.kind === 'stuck') run.neverSettled = { entry: 'the module body', waitingOn: waitingOn(run) };
    const main = moduleObject.exports.main;
    if (loaded.kind === 'value' && typeof main === 'function') {
      hasMain = true;
      let startTurn = 0;
      // `main` starts in a macrotask of its own.
      const called = await new Promise<Outcome>((resolve) => {
        real.setImmediate(() => {
          startTurn = turn;
          const outcome = als.run({ run, phase: 'main' }, (): Outcome => {
            try {
              return { kind: 'value', value: (main as () => unknown)() };
            } catch (thrown) {
              return { kind: 'error', error: thrown };
            }
          });
          resolve(outcome);
        });
      });
      let outcome = called;
      if (called.kind === 'value' && isThenable(called.value)) {
        const entry = Promise.resolve(called.value).finally(() => {
          run.entryTurn = turn;
          // Did any macrotask (a timer, I/O, an immediate) run while main was pending? Counted, not timed.
          yielded = turn > startTurn;
        });
        outcome = await settleBy(entry, run, deadline);
      } else {
        run.entryTurn = turn;
        yielded = false;
      }
      [failed, error, timedOut] = judge(outcome, run, '`main()`');
      if (outcome.kind === 'stuck') run.neverSettled = { entry: 'main()', waitingOn: waitingOn(run) };
      if (outcome.kind === 'value') result = cloneable(outcome.value);
    }
    if (!timedOut) leftovers = await drain(run, deadline);
    if (!timedOut && leftovers.length === 0) leftovers = await exitLifecycle(run, deadline);
  } finally {
    delay.disable();
    restore();
    current = null;
  }
  await rm(sandbox, { recursive: true, force: true });
  const stack = (holder: { stack?: string } | undefined): string | null => (holder?.stack === undefined ? null : run.clean(holder.stack));
  const report: WorkerReport = {
    unhandledRejections: run.unhandled.map(
      (item): UnhandledRejection => ({ reason: run.clean(item.reason, false), creationStack: stack(item.holder), handledLater: item.handledLater }),
    ),
    lateSettlements: countBySite(run.late.map((holder) => stack(holder) ?? '')),
    blockingCalls: run.blocking,
    yielded,
    order: run.order,
    constructorIo: run.constructorIo,
    result,
    error: failed ? run.clean(formatError(error), false) : null,
    uncaughtExceptions: run.uncaught.map((text) => run.clean(text, false)),
    leftoverHandles: leftovers,
    exit: run.exit,
    timedOut,
    neverSettled: run.neverSettled,
    assertions: run.assertions,
    tests: run.tests.map((test) => ({ name: test.name, outcome: test.outcome, error: test.error, overspecified: test.overspecified })),
    inFlight: { peak: run.peak, stack: run.peakHolder ? stack(run.peakHolder) : null },
    requests: run.requests,
    hasMain,
    durationMs: real.now() - started,
    stallMs: Number.isFinite(delay.max) ? delay.max / 1e6 : 0,
  };
  return { type: 'report', id: request.id, report, replace: timedOut || leftovers.length > 0 || run.exit !== null };
}

function countBySite(stacks: readonly string[]): LateSettlement[] {
  const counts = new Map<string, number>();
  for (const stack of stacks) counts.set(stack, (counts.get(stack) ?? 0) + 1);
  return [...counts].map(([creationStack, count]) => ({ creationStack, count }));
}

/** [failed, error, timedOut] for an outcome. */
function judge(outcome: Outcome, run: Run, what: string): [boolean, unknown, boolean] {
  switch (outcome.kind) {
    case 'value':
      return [false, undefined, false];
    case 'error':
      return [true, outcome.error, false];
    case 'stuck':
      return [true, new Error(`${what} never settled: it waits for a promise that nothing is left to settle.`), false];
    case 'pending':
      return [false, undefined, !run.frozen];
  }
}

parentPort?.on('message', (request: RunRequest) => {
  void runOnce(request).then(
    (response) => {
      parentPort?.postMessage(response);
    },
    (error: unknown) => {
      parentPort?.postMessage({ type: 'crash', id: request.id, error: formatError(error) });
    },
  );
});
