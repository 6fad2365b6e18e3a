/**
 * The user-facing debug mode, the Node counterpart of asyncio's: in a test
 * suite (lib/runtime/vitest.ts) or a whole process (lib/runtime/register.ts),
 * report
 *
 * - unhandled rejections, with the stack where the promise was created;
 * - blocking calls (the lint rule's catalog) made while async code of the
 *   user's runs: an async function, or a `.then` callback, on the stack;
 * - timers and handles a test started that are still pending when it ends, and
 *   promises it created that settle after it ended, with their creation stacks;
 * - event-loop stalls over a threshold (default 100 ms, as asyncio's
 *   `slow_callback_duration`): timing, so information only, never a failure.
 *
 * Promise hooks are not free: creation stacks cost a stack capture per promise
 * (bench/runtime-overhead.mjs measures it; `creationStacks: false` turns it off).
 */
import { createHook } from 'node:async_hooks';
import childProcess from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { promiseHooks } from 'node:v8';
import zlib from 'node:zlib';
import type * as ts from 'typescript';
import { functionAt, functionSpans, type SourceSpans } from './function-spans.js';
import { patchBlockingExports, patchBlockingGlobals, type BeforeCall } from './hooks.js';
import { callContext, captureStack, parseStack, userStack, type FunctionLookup } from './stack.js';

export type AsyncDebugMode = 'warn' | 'fail';
export type FindingKind = 'unhandledRejection' | 'blockingCall' | 'pendingWork' | 'lateSettlement' | 'stall';

export interface Finding {
  readonly kind: FindingKind;
  /** What happened and what it does at run time, then the user's frames. */
  readonly message: string;
  /** The user's frames: where the promise or timer was created, or where the blocking call was made. */
  readonly stack: string;
  /** The test it belongs to (`null` outside tests). */
  readonly test: string | null;
  /** In `fail` mode, does it fail the test? Stalls never do: they are measured in time. */
  readonly fails: boolean;
}

export interface AsyncDebugOptions {
  /** `warn` (default): print each finding. `fail`: the test runner entry fails the test. */
  readonly mode?: AsyncDebugMode;
  /** Report event-loop stalls longer than this; default 100 ms. */
  readonly stallThresholdMs?: number;
  /** Also report stalls while no test runs (module loading, a whole process); default true. */
  readonly stallsOutsideTests?: boolean;
  /** Capture where each promise is created, for unhandled rejections and late settlements; default true. */
  readonly creationStacks?: boolean;
  /** Record blocking calls; default true. */
  readonly blockingCalls?: boolean;
  /** Which files are the user's code; default: absolute paths outside `node_modules` and outside this package's own runtime. */
  readonly isUserFile?: (file: string) => boolean;
  /** Called for each finding; default: `console.warn` in `warn` mode, nothing in `fail` mode (the runner reports them). */
  readonly onFinding?: (finding: Finding) => void;
}

export interface AsyncDebug {
  readonly mode: AsyncDebugMode;
  /** A test starts: findings are attributed to it, and the timers and handles it creates are watched. */
  beginTest(name: string): void;
  /** The test ended: adds the work it left pending and returns every finding of the test. */
  endTest(): Finding[];
  /** Findings made outside any test (late settlements of ended tests, top-level rejections) since the last call. */
  takeOrphans(): Finding[];
  /** Every finding so far. */
  findings(): readonly Finding[];
  /** Undo every patch and hook. */
  disable(): void;
}

const SINGLETON = Symbol.for('eslint-plugin-async-pitfalls.asyncDebug');
const STACK_DEPTH = 30;
/** Creation stacks are taken for every promise that starts a chain: kept short, they are the main cost. */
const CREATION_DEPTH = 12;
/**
 * Where a promise's record lives: symbol-keyed properties on the promise
 * itself (a `WeakMap` keyed by promises costs ~35 times more: every entry is an
 * ephemeron the garbage collector has to trace).
 */
const CREATED = Symbol('async-pitfalls.created');
const TEST = Symbol('async-pitfalls.test');
const runtimeDir = path.dirname(fileURLToPath(import.meta.url));
/** This package's own code, built and source: stacks through dist/ are source-mapped back to lib/. */
const ownDirs = ownCodeDirs(runtimeDir);
/** Resources that keep a test's work alive: timers and handles (requests finish by themselves; their promises show as late settlements). */
const WATCHED = new Set(['Timeout', 'Immediate', 'TCPWRAP', 'PIPEWRAP', 'PROCESSWRAP', 'FSEVENTWRAP', 'STATWATCHER', 'UDPWRAP', 'SIGNALWRAP']);
const TIMER_NAMES: Partial<Record<string, string>> = { Timeout: 'a `setTimeout`/`setInterval` timer', Immediate: 'a `setImmediate` callback' };

/** The default `isUserFile`: absolute paths, not in `node_modules`, not this package's own code. */
export function defaultIsUserFile(file: string): boolean {
  if (!path.isAbsolute(file)) return false;
  if (file.includes(`${path.sep}node_modules${path.sep}`)) return false;
  return !ownDirs.some((dir) => file.startsWith(dir + path.sep));
}

/** `<package>/lib` and `<package>/dist`, from lib/runtime or dist/lib/runtime. */
function ownCodeDirs(dir: string): string[] {
  const lib = path.dirname(dir);
  const root = path.basename(path.dirname(lib)) === 'dist' ? path.dirname(path.dirname(lib)) : path.dirname(lib);
  return [path.join(root, 'lib'), path.join(root, 'dist')];
}

interface TestRecord {
  readonly name: string;
  ended: boolean;
  readonly findings: Finding[];
  readonly resources: { readonly type: string; readonly resource: unknown; readonly holder: { stack?: string } }[];
  readonly seen: Set<string>;
}

interface Tracked {
  /** Where the chain this promise belongs to was started. */
  [CREATED]?: { stack?: string };
  /** The test that created it. */
  [TEST]?: TestRecord;
}

/**
 * Turns the debug mode on for this process (once: later calls return the same
 * instance, so a setup file run for every test file hooks in only once).
 */
export function enableAsyncDebug(options: AsyncDebugOptions = {}): AsyncDebug {
  const registry = globalThis as unknown as Record<symbol, AsyncDebug | undefined>;
  const existing = registry[SINGLETON];
  if (existing) return existing;
  const instance = create(options, () => {
    registry[SINGLETON] = undefined;
  });
  registry[SINGLETON] = instance;
  return instance;
}

/** Findings as one readable block, for a thrown error or a log. */
export function formatFindings(findings: readonly Finding[]): string {
  return findings.map((finding) => `[async-pitfalls] ${finding.message}`).join('\n\n');
}

function create(options: AsyncDebugOptions, onDisable: () => void): AsyncDebug {
  const mode = options.mode ?? 'warn';
  const threshold = options.stallThresholdMs ?? 100;
  const isUserFile = options.isUserFile ?? defaultIsUserFile;
  const creationStacks = options.creationStacks !== false;
  const notify = options.onFinding ?? ((finding: Finding) => {
    if (mode === 'warn') console.warn(`[async-pitfalls] ${finding.message}`);
  });
  const all: Finding[] = [];
  let orphans: Finding[] = [];
  let current: TestRecord | null = null;
  const undo: (() => void)[] = [];

  /** Keys of the findings made outside tests, so that one site is reported once. */
  const orphanSeen = new Set<string>();

  const add = (test: TestRecord | null, finding: Omit<Finding, 'test'>, key: string): void => {
    const seen = test?.seen ?? orphanSeen;
    if (seen.has(key)) return;
    seen.add(key);
    const full: Finding = { ...finding, test: test?.name ?? null };
    all.push(full);
    if (test && !test.ended) test.findings.push(full);
    else orphans.push(full);
    notify(full);
  };
  const frames = (stack: string | undefined): string =>
    userStack(stack ?? '', isUserFile)
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n');

  // ---- promises: creation stacks, unhandled rejections, late settlements ----
  // A stack is captured only where a chain starts (an async function called, `new Promise`,
  // `Promise.resolve`); promises derived from another (`.then`, `await`) share their parent's:
  // a third of the stack captures, and the answer to "where was this work started?" all the same.
  // @types/node types the stoppers as `Function`.
  undo.push(
    promiseHooks.onInit(function onInit(created: Promise<unknown>, from?: Promise<unknown>) {
      const promise = created as Tracked;
      const parent = from as Tracked | undefined;
      if (current !== null) promise[TEST] = current;
      if (!creationStacks) return;
      if (parent !== undefined) {
        promise[CREATED] = parent[CREATED];
        return;
      }
      const holder: { stack?: string } = {};
      const saved = Error.stackTraceLimit;
      Error.stackTraceLimit = CREATION_DEPTH;
      Error.captureStackTrace(holder, onInit);
      Error.stackTraceLimit = saved;
      promise[CREATED] = holder;
    }) as () => void,
  );
  undo.push(
    promiseHooks.onSettled((settled: Promise<unknown>) => {
      const promise = settled as Tracked;
      const test = promise[TEST];
      if (!test?.ended) return;
      const stack = frames(promise[CREATED]?.stack);
      if (stack === '') return;
      add(
        null,
        {
          kind: 'lateSettlement',
          message: `A promise created by the test "${test.name}" settled after that test had ended: work it started was not awaited, and ran on into later tests.\n  started at:\n${stack}`,
          stack,
          fails: true,
        },
        `late ${stack}`,
      );
    }) as () => void,
  );

  const onRejection = (reason: unknown, promise: Tracked): void => {
    const stack = frames(promise[CREATED]?.stack);
    const text = reason instanceof Error ? userStack(reason.stack ?? String(reason), isUserFile) : `non-error rejection: ${inspect(reason)}`;
    add(
      current,
      {
        kind: 'unhandledRejection',
        message: `Unhandled rejection: nothing handled this promise's rejection (with Node's defaults the process exits).\n${text}${stack ? `\n  the promise chain was started at:\n${stack}` : ''}`,
        stack,
        fails: true,
      },
      `rejection ${text} ${stack}`,
    );
  };
  // Observed, not listened to: a listener would change what happens next (Node crashes only when
  // there is none, and Vitest reports the rejection only when its own is the only one).
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with `process` as `this`, as Node calls it.
  const emit = process.emit as (this: NodeJS.Process, event: string | symbol, ...args: unknown[]) => boolean;
  const observing = function (this: NodeJS.Process, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'unhandledRejection') onRejection(args[0], args[1] as Tracked);
    return emit.call(this, event, ...args);
  };
  process.emit = observing as typeof process.emit;
  undo.push(() => {
    if (process.emit === (observing as typeof process.emit)) process.emit = emit as typeof process.emit;
  });

  // ---- blocking calls ----
  if (options.blockingCalls !== false) {
    const lookup = fileLookup();
    const before: BeforeCall = (info, args) => {
      const stack = captureStack(STACK_DEPTH);
      const parsed = parseStack(stack);
      // Module loading (a `require` inside an async function) is Node's doing, not the user's call: the
      // loader sits between the call and the user's frames. (Below them, it is only running the entry module.)
      const user = parsed.findIndex((frame) => isUserFile(frame.file));
      const loader = parsed.findIndex((frame) => frame.file.startsWith('node:internal/modules'));
      if (loader !== -1 && (user === -1 || loader < user)) return args;
      const context = callContext(parsed, isUserFile, lookup);
      if (context === 'sync') return args;
      const where = frames(stack);
      add(
        current,
        {
          kind: 'blockingCall',
          message: `\`${info.api}\` blocked the event loop inside ${context === 'async-function' ? 'an async function' : 'a promise callback'}: every other task waited until it returned.\n${where}`,
          stack: where,
          fails: true,
        },
        `blocking ${info.api} ${where}`,
      );
      return args;
    };
    const builtins: [string, object][] = [
      ['fs', fs],
      ['child_process', childProcess],
      ['zlib', zlib],
      ['crypto', crypto],
    ];
    for (const [name, exports] of builtins) undo.push(patchBlockingExports(name, exports as Record<string, unknown>, before));
    undo.push(patchBlockingGlobals(before));
    syncBuiltinESMExports();
    undo.push(syncBuiltinESMExports);
  }

  // ---- timers and handles a test leaves behind ----
  const resources = createHook({
    init(_asyncId, type, _triggerAsyncId, resource) {
      if (!current || !WATCHED.has(type)) return;
      const holder: { stack?: string } = {};
      const saved = Error.stackTraceLimit;
      Error.stackTraceLimit = STACK_DEPTH;
      Error.captureStackTrace(holder);
      Error.stackTraceLimit = saved;
      current.resources.push({ type, resource, holder });
    },
  });
  undo.push(() => resources.disable());

  // ---- event-loop stalls (timing: information only) ----
  const interval = Math.max(10, Math.floor(threshold / 2));
  let last = performance.now();
  const watchdog = setInterval(() => {
    const now = performance.now();
    const stalled = now - last - interval;
    last = now;
    if (stalled <= threshold || (current === null && options.stallsOutsideTests === false)) return;
    add(
      current,
      {
        kind: 'stall',
        message: `The event loop stalled for about ${String(Math.round(stalled))} ms (threshold ${String(threshold)} ms): a callback ran that long without yielding. (Timing; information only.)`,
        stack: '',
        fails: false,
      },
      `stall ${String(now)}`,
    );
  }, interval);
  watchdog.unref();
  undo.push(() => {
    clearInterval(watchdog);
  });

  return {
    mode,
    beginTest(name) {
      current = { name, ended: false, findings: [], resources: [], seen: new Set() };
      resources.enable();
    },
    endTest() {
      const test = current;
      resources.disable();
      current = null;
      if (!test) return [];
      for (const { type, resource, holder } of test.resources) {
        if (!isLive(resource)) continue;
        const stack = frames(holder.stack);
        if (stack === '') continue;
        add(
          test,
          {
            kind: 'pendingWork',
            message: `The test ended with ${TIMER_NAMES[type] ?? `a ${type} handle`} still pending: work it started was not awaited, and will run during later tests (or keep the process alive).\n  created at:\n${stack}`,
            stack,
            fails: true,
          },
          `pending ${stack}`,
        );
      }
      test.ended = true;
      return test.findings;
    },
    takeOrphans() {
      const taken = orphans;
      orphans = [];
      return taken;
    },
    findings: () => all,
    disable() {
      for (const step of undo.reverse()) step();
      undo.length = 0;
      onDisable();
    },
  };
}

/** A timer that has not fired (or repeats), or a handle still open, that keeps the event loop alive. */
function isLive(resource: unknown): boolean {
  const candidate = resource as { _destroyed?: boolean; hasRef?: () => boolean } | null;
  if (!candidate || candidate._destroyed === true) return false;
  return typeof candidate.hasRef === 'function' ? candidate.hasRef() : false;
}

/**
 * Which function encloses a position of a user file: the file (the original
 * source, since stacks are source-mapped) parsed with TypeScript when it is
 * installed. Without TypeScript every answer is null, and only frames V8 marks
 * `async` tell.
 */
function fileLookup(): FunctionLookup {
  let tsModule: typeof ts | null | undefined;
  const cache = new Map<string, SourceSpans | null>();
  // Taken before the patches: reading the user's files must not report itself.
  const read = fs.readFileSync.bind(fs);
  return (file, line, column) => {
    if (tsModule === undefined) {
      try {
        tsModule = createRequire(import.meta.url)('typescript') as typeof ts;
      } catch {
        tsModule = null;
      }
    }
    if (tsModule === null) return null;
    let spans = cache.get(file);
    if (spans === undefined) {
      try {
        spans = functionSpans(tsModule, read(file, 'utf8'), file);
      } catch {
        spans = null;
      }
      cache.set(file, spans);
    }
    return spans ? functionAt(spans, line, column) : null;
  };
}
