/**
 * Reading V8 stack traces: which frames are the user's, and whether async code
 * is running. Stacks are read as formatted text (`error.stack`), never as
 * structured call sites, because only the text passes through the source-map
 * support of Node (`--enable-source-maps`) and of test runners (Vitest maps
 * `.stack` to the original TypeScript): the positions read here are the lines
 * the user wrote.
 */
import { fileURLToPath } from 'node:url';
import type { CallContext } from './report.js';

export interface Frame {
  /** The function name as V8 prints it (`main`, `Store.load`, `<anonymous>`); empty when none. */
  readonly fn: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** `at async f (...)`: an async function suspended in `await`, below the running one. */
  readonly isAsync: boolean;
  /** `at new C (...)`: a constructor. */
  readonly isConstructor: boolean;
}

const FRAME = /^\s*at (?:(async) )?(?:(new) )?(?:(.*?) \()?(.+?):(\d+):(\d+)\)?$/;

/** The frames of a formatted stack that name a position; `at new Promise (<anonymous>)` and the message lines are left out. */
export function parseStack(stack: string): Frame[] {
  const frames: Frame[] = [];
  for (const text of stack.split('\n')) {
    const match = FRAME.exec(text);
    if (!match) continue;
    const [, isAsync, isNew, fn = '', location = '', line = '0', column = '0'] = match;
    frames.push({
      fn,
      file: toPath(location),
      line: Number(line),
      column: Number(column),
      isAsync: isAsync !== undefined,
      isConstructor: isNew !== undefined,
    });
  }
  return frames;
}

function toPath(location: string): string {
  if (!location.startsWith('file://')) return location;
  try {
    return fileURLToPath(location);
  } catch {
    return location;
  }
}

/** The kind of the innermost function around a position, `top-level` outside any function, null when the file cannot be read. */
export type FunctionLookup = (file: string, line: number, column: number) => FunctionKindAt | null;
export type FunctionKindAt = 'async' | 'promise-callback' | 'sync' | 'top-level';

/**
 * Is async code running at the point this stack was taken? Yes when one of the
 * user's frames sits in an async function or in a promise callback: the
 * blocking call is in there, or in a sync helper it called. Frames of files the
 * lookup cannot read count only when V8 marks them `async`.
 */
export function callContext(frames: readonly Frame[], isUserFile: (file: string) => boolean, lookup: FunctionLookup): Exclude<CallContext, 'callback'> {
  for (const frame of frames) {
    if (!isUserFile(frame.file)) continue;
    const kind = lookup(frame.file, frame.line, frame.column);
    if (kind === 'async') return 'async-function';
    if (kind === 'promise-callback') return 'promise-callback';
    if (kind === null && frame.isAsync) return 'async-function';
  }
  return 'sync';
}

/** The class whose constructor is on the stack among the user's frames, or null. */
export function constructorOnStack(frames: readonly Frame[], isUserFile: (file: string) => boolean): string | null {
  for (const frame of frames) {
    if (frame.isConstructor && isUserFile(frame.file)) return frame.fn || '<anonymous class>';
  }
  return null;
}

/** The stack text without the lines of frames the user did not write (keeps the message line). */
export function userStack(stack: string, isUserFile: (file: string) => boolean): string {
  return stack
    .split('\n')
    .filter((text) => {
      const match = FRAME.exec(text);
      if (!match) return !/^\s*at /.test(text);
      return isUserFile(toPath(match[4] ?? ''));
    })
    .join('\n');
}

/** The stack of the code that called `from` (default: the caller of this function), `limit` frames deep. */
export function captureStack(limit: number, from: (...args: never[]) => unknown = captureStack): string {
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = limit;
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, from);
  Error.stackTraceLimit = saved;
  return holder.stack ?? '';
}
