/** The messages between the host (run-snippet.ts) and the shim's worker (worker.ts). Plain data. */
import type { SourceSpans } from './function-spans.js';
import type { HazardReport } from './report.js';

/**
 * A stand-in for an operation the snippet declares (`declare function save(doc: Doc): Promise<void>;`),
 * installed as a global of that name while the snippet runs. Every call logs
 * `start` and `end` in the report's `order`, and counts as I/O for the
 * constructor check.
 */
export interface MockSpec {
  /** `async` (default): returns a promise that settles after `turns` event-loop turns. `sync`: returns at once. */
  readonly kind?: 'async' | 'sync';
  /** Event-loop turns (`setImmediate` hops) before an async mock settles; default 1. Turns, not milliseconds: the order does not depend on load. */
  readonly turns?: number;
  /** The value it returns or resolves to (structured-cloned for each call). */
  readonly returns?: unknown;
  /** When set, it throws (sync) or rejects (async) with `new Error(rejects)`. */
  readonly rejects?: string;
}

/** Where the snippet seems to live: every frame in this directory is the snippet's. */
export const SNIPPET_DIR = '/async-pitfalls-snippet';
/** The file name stacks show for the snippet (source-mapped to the TypeScript the user wrote). */
export const SNIPPET_FILE = `${SNIPPET_DIR}/snippet.ts`;

export interface RunRequest {
  readonly type: 'run';
  readonly id: number;
  /** The snippet transpiled to CommonJS, run inside an async function (so top-level `await` works). */
  readonly js: string;
  /** Its source map, so that stacks show the TypeScript lines. */
  readonly map: string;
  /** The functions of the TypeScript source, to tell async code from sync code on a stack. */
  readonly spans: SourceSpans;
  readonly mocks: Readonly<Record<string, MockSpec>>;
  /** Files to create in the snippet's scratch directory (its working directory) before it runs. */
  readonly files: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

export type WorkerReport = Omit<HazardReport, 'typeErrors'>;

export interface RunResponse {
  readonly type: 'report';
  readonly id: number;
  readonly report: WorkerReport;
  /** The snippet left work behind (or called `process.exit`): the host replaces this worker before the next run. */
  readonly replace: boolean;
}
