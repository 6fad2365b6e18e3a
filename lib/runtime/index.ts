/**
 * `eslint-plugin-async-pitfalls/runtime`: the async debug mode for your own
 * tests and processes (`enableAsyncDebug`; ready-made entries in
 * `./runtime/vitest` and `./runtime/register`), and the shim that runs a
 * TypeScript snippet and reports its async hazards (`runSnippet`; it needs
 * `typescript` installed).
 */
export { defaultIsUserFile, enableAsyncDebug, formatFindings } from './debug.js';
export type { AsyncDebug, AsyncDebugMode, AsyncDebugOptions, Finding, FindingKind } from './debug.js';
export { closeRuntime, runSnippet, typeCheckSnippet } from './run-snippet.js';
export type { RunOptions } from './run-snippet.js';
export type { MockSpec } from './protocol.js';
export { HAZARD_KINDS, hazardsIn, interleavings, summarize } from './report.js';
export type {
  BlockingCall,
  CallContext,
  ConstructorIo,
  ExitRecord,
  HazardKind,
  HazardReport,
  LateSettlement,
  OrderEvent,
  UnhandledRejection,
} from './report.js';
