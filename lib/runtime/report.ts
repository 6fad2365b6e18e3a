/**
 * What the runtime shim saw when it ran a snippet: the data the worker sends
 * back, and the one function that turns it into hazard verdicts. Plain data
 * only (it crosses a `postMessage`), no Node APIs: the worker, the host and
 * the tests all import this file.
 */

/** The hazards a report can show; each rule declares which of them its examples exhibit (lib/runtime/hazards.ts). */
export const HAZARD_KINDS = [
  'unhandledRejection',
  'lateSettlement',
  'blockingCall',
  'constructorIo',
  'exitWithPendingWork',
  'uncaughtException',
  'neverSettled',
  'assertionFailed',
  'lateAssertion',
  'overspecifiedTest',
  'unboundedConcurrency',
  'uncancellableRequest',
] as const;

export type HazardKind = (typeof HAZARD_KINDS)[number];

/**
 * More operations than this in flight at once (the snippet's timers,
 * immediates and I/O requests alive together) is unbounded concurrency. A
 * pool or a limiter keeps a handful; one operation per item of a large input
 * goes far past it. A count, not a time: the same code gives the same peak.
 */
export const MAX_IN_FLIGHT = 100;

/**
 * Where a call ran: inside an async function (or a sync helper called from
 * one), inside a `.then`/`.catch`/`.finally` callback (both judged from the
 * stack), inside a callback of a timer or I/O the code scheduled (the shim
 * knows which callbacks are running; the debug mode does not report these),
 * or none of them: startup code at the top level, or sync code it called.
 */
export type CallContext = 'async-function' | 'promise-callback' | 'callback' | 'sync';

export interface UnhandledRejection {
  /** The rejection reason, formatted (`Error: message` or `util.inspect` of a non-error). */
  readonly reason: string;
  /** The stack where the rejected promise was created, mapped to the snippet's lines; null when the promise was not the snippet's. */
  readonly creationStack: string | null;
  /** A handler was attached after Node had already reported the rejection (`rejectionHandled`): with the default `--unhandled-rejections=throw` the process was already dead. */
  readonly handledLater: boolean;
}

export interface LateSettlement {
  /** Where the promises were created. */
  readonly creationStack: string;
  /** How many promises created there settled late (an async function that awaits makes several). */
  readonly count: number;
}

export interface BlockingCall {
  /** `fs.readFileSync`, `Atomics.wait`, or `busy-wait` (the clock polled without yielding). */
  readonly api: string;
  readonly context: CallContext;
  /** The call's stack, mapped to the snippet's lines. */
  readonly stack: string;
}

export interface ConstructorIo {
  /** The I/O function called (`fs.promises.readFile`, a mock's name). */
  readonly api: string;
  /** The class whose constructor was on the stack. */
  readonly className: string;
  readonly stack: string;
}

export interface OrderEvent {
  /** Position in the run, from 0. */
  readonly seq: number;
  /** `log`: console output; `start`/`end`: a mock operation began or settled. */
  readonly kind: 'log' | 'start' | 'end';
  /** The mock's name, or the console method (`log`, `error`, ...). */
  readonly name: string;
  /** Which call of the mock this is (1, 2, ...); 0 for console output. */
  readonly call: number;
  /** Console text, or for `end` the outcome (`fulfilled` / `rejected`). */
  readonly text: string;
}

export interface ExitRecord {
  readonly code: number;
  /** The snippet's timers and I/O still alive when `process.exit` was called. */
  readonly pendingWork: readonly string[];
}

export interface NeverSettled {
  /** What waited: `the module body` or `main()`. */
  readonly entry: string;
  /** Where the snippet's `new Promise(...)` promises that something waits on, still pending, were created: the likely culprits (an executor that forgot to settle on some path). */
  readonly waitingOn: readonly string[];
}

export interface AssertionRecord {
  /** `assert.equal`, `assert.rejects`, ... (from `node:assert` or `node:assert/strict`). */
  readonly api: string;
  /** False when it threw, or (`rejects`, `doesNotReject`) its promise rejected; true while a promise is still pending. */
  readonly passed: boolean;
  /** The first line of the failure. */
  readonly message: string | null;
  /** The `node:test` test it ran in (through its callbacks and continuations); null outside tests. */
  readonly test: string | null;
  /** It ran, or its promise settled, after that test had ended: the test's verdict did not include it. */
  readonly late: boolean;
  readonly stack: string;
}

export interface TestRecord {
  readonly name: string;
  /** `unfinished`: still running when the run ended. */
  readonly outcome: 'passed' | 'failed' | 'skipped' | 'unfinished';
  readonly error: string | null;
  /** The test takes `done` and returns a promise: `node:test`, Jest and Mocha fail it for that alone. */
  readonly overspecified: boolean;
}

export interface InFlight {
  /** The most operations (timers, immediates, I/O requests) of the snippet alive at once. */
  readonly peak: number;
  /** Where the operation that reached the peak was started. */
  readonly stack: string | null;
}

export interface RequestRecord {
  readonly api: string;
  readonly url: string;
  /** It was given an `AbortSignal` (a timeout is one: `AbortSignal.timeout(ms)`), or a `Request` that carries one. */
  readonly cancellable: boolean;
  /** `response`: the server answered; `error`: it failed or was aborted; `pending`: still open when the run ended. */
  readonly outcome: 'response' | 'error' | 'pending';
  /** An `AbortController` of the snippet aborted while it was open, and its own signal (if any) did not: the cancel did not reach it. Information. */
  readonly outlivedAbort: boolean;
  readonly stack: string;
}

export interface HazardReport {
  readonly unhandledRejections: readonly UnhandledRejection[];
  /** Promises created while the exported `main` ran that settled in a later macrotask than `main` did. Empty without an exported `main`. */
  readonly lateSettlements: readonly LateSettlement[];
  /** Every call of a catalogued blocking API, with where it ran; the hazard is the ones not made by startup code (`sync`). */
  readonly blockingCalls: readonly BlockingCall[];
  /** Did the event loop get a turn (any macrotask ran: a timer, I/O, an immediate) while `main` was pending? null without an exported `main`. */
  readonly yielded: boolean | null;
  readonly order: readonly OrderEvent[];
  readonly constructorIo: readonly ConstructorIo[];
  /** What `main` returned (a structured clone, or `util.inspect` text when it cannot be cloned). */
  readonly result: unknown;
  /** The error the module body or `main` threw or rejected with (its stack); null when both completed. */
  readonly error: string | null;
  /** TypeScript's diagnostics for the snippet, `line:column message`. */
  readonly typeErrors: readonly string[];
  /** Errors thrown from timer or event callbacks. */
  readonly uncaughtExceptions: readonly string[];
  /** The snippet's timers and I/O still alive when the run gave up waiting (they made the shim replace its worker). */
  readonly leftoverHandles: readonly string[];
  /** `process.exit` was called. */
  readonly exit: ExitRecord | null;
  /** The run did not finish in `timeoutMs`. */
  readonly timedOut: boolean;
  /** The module body or `main` waited for a promise that nothing was left to settle (reported at once, not as a timeout). */
  readonly neverSettled: NeverSettled | null;
  /** Every call of the snippet's `node:assert` functions. */
  readonly assertions: readonly AssertionRecord[];
  /** The tests the snippet declared with `node:test` (the shim's own runner), in the order they ran. */
  readonly tests: readonly TestRecord[];
  readonly inFlight: InFlight;
  /** Every `fetch` the snippet made. */
  readonly requests: readonly RequestRecord[];
  readonly hasMain: boolean;
  /** Information only (timing): wall time of the run and the longest event-loop stall seen, in ms. */
  readonly durationMs: number;
  readonly stallMs: number;
}

/** The hazards this report shows. Counting, never timing: `durationMs` and `stallMs` play no part. */
export function hazardsIn(report: HazardReport): Set<HazardKind> {
  const found = new Set<HazardKind>();
  if (report.unhandledRejections.length > 0) found.add('unhandledRejection');
  if (report.lateSettlements.length > 0) found.add('lateSettlement');
  if (report.blockingCalls.some((call) => call.context !== 'sync')) found.add('blockingCall');
  if (report.constructorIo.length > 0) found.add('constructorIo');
  if (report.exit && report.exit.pendingWork.length > 0) found.add('exitWithPendingWork');
  if (report.uncaughtExceptions.length > 0) found.add('uncaughtException');
  if (report.neverSettled) found.add('neverSettled');
  // A failing assertion inside a test is the test doing its job; outside one, it is the program's own claim about its result.
  if (report.assertions.some((item) => !item.passed && item.test === null)) found.add('assertionFailed');
  if (report.assertions.some((item) => item.late)) found.add('lateAssertion');
  if (report.tests.some((item) => item.overspecified)) found.add('overspecifiedTest');
  if (report.inFlight.peak > MAX_IN_FLIGHT) found.add('unboundedConcurrency');
  // Nothing on the client could end it: it ended only when the server gave up, or never.
  if (report.requests.some((item) => !item.cancellable && item.outcome !== 'response')) found.add('uncancellableRequest');
  return found;
}

/** One line per hazard and problem, for assertion messages. */
export function summarize(report: HazardReport): string {
  const lines: string[] = [];
  // Two frames: an async function's promise is created at its own header, so the second frame is the call that started it.
  const first = (stack: string | null): string =>
    (stack ?? '')
      .split('\n')
      .filter((line) => line.includes('snippet.ts'))
      .slice(0, 2)
      .map((line) => line.trim())
      .join(' < ');
  for (const item of report.unhandledRejections) lines.push(`unhandled rejection: ${item.reason.split('\n')[0] ?? ''} ${first(item.creationStack)}`);
  for (const item of report.lateSettlements) lines.push(`settled after main: ${String(item.count)} promise(s) ${first(item.creationStack)}`);
  for (const item of report.blockingCalls) lines.push(`blocking call ${item.api} (${item.context}) ${first(item.stack)}`);
  for (const item of report.constructorIo) lines.push(`I/O in constructor of ${item.className}: ${item.api} ${first(item.stack)}`);
  if (report.exit) lines.push(`process.exit(${String(report.exit.code)}) with pending: ${report.exit.pendingWork.join(', ') || 'nothing'}`);
  if (report.neverSettled) lines.push(`${report.neverSettled.entry} never settled${report.neverSettled.waitingOn.map((stack) => `; waiting on new Promise ${first(stack)}`).join('')}`);
  for (const item of report.assertions) {
    if (item.late) lines.push(`assertion after its test ended: ${item.api} in '${item.test ?? ''}' (${item.passed ? 'passed' : (item.message ?? 'failed')}) ${first(item.stack)}`);
    else if (!item.passed && item.test === null) lines.push(`assertion failed: ${item.api}: ${item.message ?? ''} ${first(item.stack)}`);
  }
  for (const item of report.tests) {
    if (item.outcome !== 'passed' && item.outcome !== 'skipped') lines.push(`test '${item.name}' ${item.outcome}${item.error === null ? '' : `: ${item.error.split('\n')[0] ?? ''}`}${item.overspecified ? ' (overspecified)' : ''}`);
  }
  if (report.inFlight.peak > MAX_IN_FLIGHT) lines.push(`${String(report.inFlight.peak)} operations in flight at once ${first(report.inFlight.stack)}`);
  for (const item of report.requests) {
    if (!item.cancellable && item.outcome !== 'response') lines.push(`${item.api} ${item.url} without a signal ended with ${item.outcome}${item.outlivedAbort ? ', after an abort that did not reach it' : ''} ${first(item.stack)}`);
  }
  for (const error of report.uncaughtExceptions) lines.push(`uncaught: ${error.split('\n')[0] ?? ''}`);
  if (report.leftoverHandles.length > 0) lines.push(`left running: ${report.leftoverHandles.join(', ')}`);
  if (report.timedOut) lines.push('timed out');
  if (report.error) lines.push(`error: ${report.error.split('\n')[0] ?? ''}`);
  for (const error of report.typeErrors) lines.push(`type error: ${error}`);
  return lines.map((line) => line.trimEnd()).join('\n') || 'no hazard';
}

/** Pairs of mock calls that overlapped in time: `a` started, then `b` started before `a` ended. */
export function interleavings(order: readonly OrderEvent[]): [string, string][] {
  const open = new Map<string, number>();
  const pairs: [string, string][] = [];
  for (const event of order) {
    const key = `${event.name}#${String(event.call)}`;
    if (event.kind === 'start') {
      for (const other of open.keys()) pairs.push([other, key]);
      open.set(key, event.seq);
    } else if (event.kind === 'end') {
      open.delete(key);
    }
  }
  return pairs;
}
