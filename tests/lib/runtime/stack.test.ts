/** Reading formatted stacks: frames, the user's frames, and whether async code was running. */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { functionAt, functionSpans } from '../../../lib/runtime/function-spans.js';
import { callContext, captureStack, constructorOnStack, parseStack, userStack, type FunctionLookup } from '../../../lib/runtime/stack.js';

const stack = `Error: boom
    at readFileSync (node:fs:441:20)
    at Settings.load (/app/src/settings.ts:12:18)
    at new Settings (/app/src/settings.ts:6:10)
    at async main (file:///app/src/main.ts:3:5)
    at new Promise (<anonymous>)
    at /app/node_modules/lib/index.js:1:2
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;

const isApp = (file: string): boolean => file.startsWith('/app/src/');

describe('parseStack', () => {
  it('reads named, anonymous, async, constructor and file-URL frames, and skips the rest', () => {
    expect(parseStack(stack)).toEqual([
      { fn: 'readFileSync', file: 'node:fs', line: 441, column: 20, isAsync: false, isConstructor: false },
      { fn: 'Settings.load', file: '/app/src/settings.ts', line: 12, column: 18, isAsync: false, isConstructor: false },
      { fn: 'Settings', file: '/app/src/settings.ts', line: 6, column: 10, isAsync: false, isConstructor: true },
      { fn: 'main', file: '/app/src/main.ts', line: 3, column: 5, isAsync: true, isConstructor: false },
      { fn: '', file: '/app/node_modules/lib/index.js', line: 1, column: 2, isAsync: false, isConstructor: false },
      { fn: 'process.processTicksAndRejections', file: 'node:internal/process/task_queues', line: 95, column: 5, isAsync: false, isConstructor: false },
    ]);
  });

  it('reads a stack captured here', () => {
    const frames = parseStack(captureStack(5));
    expect(frames[0]?.file).toMatch(/stack\.test\.ts$/);
    expect(frames.length).toBeLessThanOrEqual(5);
  });
});

describe('userStack and constructorOnStack', () => {
  it('keeps the message and the user frames only', () => {
    expect(userStack(stack, isApp)).toBe('Error: boom\n    at Settings.load (/app/src/settings.ts:12:18)\n    at new Settings (/app/src/settings.ts:6:10)\n    at async main (file:///app/src/main.ts:3:5)');
  });

  it('names the class whose constructor is on the stack', () => {
    expect(constructorOnStack(parseStack(stack), isApp)).toBe('Settings');
    expect(constructorOnStack(parseStack(stack), (file) => file.includes('node_modules'))).toBeNull();
  });
});

describe('callContext', () => {
  const source = `
export async function load() {
  return parse();
}
function parse() {
  return readFileSync('x');
}
promise.then((value) => {
  readFileSync(value);
});
readFileSync('top');
`;
  const spans = functionSpans(ts, source, 'app.ts');
  const lookup: FunctionLookup = (file, line, column) => (file === '/app/src/app.ts' ? functionAt(spans, line, column) : null);
  const at = (...frames: string[]): string => ['Error', ...frames.map((frame) => `    at ${frame}`)].join('\n');

  it('a sync helper called from an async function is async code', () => {
    expect(callContext(parseStack(at('parse (/app/src/app.ts:6:10)', 'load (/app/src/app.ts:3:10)')), isApp, lookup)).toBe('async-function');
  });

  it('the helper alone, called from sync code, is not', () => {
    expect(callContext(parseStack(at('parse (/app/src/app.ts:6:10)', '/app/src/app.ts:11:1')), isApp, lookup)).toBe('sync');
  });

  it('a `.then` callback is a promise callback', () => {
    expect(callContext(parseStack(at('/app/src/app.ts:9:3')), isApp, lookup)).toBe('promise-callback');
  });

  it('frames outside the user files do not count, even async ones', () => {
    expect(callContext(parseStack(at('run (/lib/x.js:1:1)', 'async drive (/lib/y.js:2:2)')), isApp, lookup)).toBe('sync');
  });

  it('a user file the lookup cannot read counts when V8 marks its frame async', () => {
    const frames = parseStack(at('helper (/app/src/other.ts:1:1)', 'async caller (/app/src/other.ts:9:1)'));
    expect(callContext(frames, isApp, lookup)).toBe('async-function');
    expect(callContext(frames.slice(0, 1), isApp, lookup)).toBe('sync');
  });
});
