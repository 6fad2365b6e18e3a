import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createRepeatTracker } from '../../lib/code-path-repeats.js';
import { enclosingFunction } from '../../lib/async-context.js';
import { lintWith } from './probe.js';

/**
 * Watches every call `mark(n)` and returns, for each one that can run after
 * another, `"n after m, k"` (the literal arguments), in source order.
 */
function repeats(code: string): string[] {
  const found: string[] = [];
  const label = (call: TSESTree.CallExpression): string => {
    const [argument] = call.arguments;
    return argument?.type === 'Literal' ? String(argument.value) : '?';
  };
  lintWith(code, () => {
    const tracker = createRepeatTracker<TSESTree.CallExpression>(({ node, after }) => {
      found.push(`${label(node)} after ${after.map(label).join(', ')}`);
    });
    const marks = new Map<TSESTree.Node, TSESTree.CallExpression[]>();
    // Collect the marks of each function before the traversal enters it.
    const collect = (program: TSESTree.Program): void => {
      const stack: TSESTree.Node[] = [program];
      while (stack.length > 0) {
        const node = stack.pop();
        if (!node) break;
        if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'mark') {
          const fn = enclosingFunction(node);
          if (fn) marks.set(fn, [...(marks.get(fn) ?? []), node]);
        }
        for (const [key, value] of Object.entries(node)) {
          if (key === 'parent') continue;
          for (const child of Array.isArray(value) ? value : [value]) {
            if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') stack.push(child as TSESTree.Node);
          }
        }
      }
      for (const [fn, calls] of marks) tracker.watch(fn, calls);
    };
    return {
      ...tracker.listeners,
      Program: collect,
      'CallExpression:exit': (node: TSESTree.CallExpression) => {
        tracker.visited(node);
      },
    };
  });
  return found.sort();
}

describe('createRepeatTracker', () => {
  it('sees one mark after another in sequence, and names the last one before it', () => {
    expect(
      repeats(`
        declare function mark(n: number): void;
        function f() {
          mark(1);
          mark(2);
          mark(3);
        }
      `),
    ).toEqual(['2 after 1', '3 after 2']);
  });

  it('keeps the branches of an if/else apart, and sees the marks that meet after them', () => {
    expect(
      repeats(`
        declare function mark(n: number): void;
        declare const ok: boolean;
        function f() {
          if (ok) mark(1);
          else mark(2);
        }
        function g() {
          if (ok) mark(3);
          mark(4);
        }
        function h() {
          if (ok) { mark(5); return; }
          mark(6);
        }
      `),
    ).toEqual(['4 after 3']);
  });

  it('follows switch cases, fall-through and break', () => {
    expect(
      repeats(`
        declare function mark(n: number): void;
        declare const kind: string;
        function f() {
          switch (kind) {
            case 'a':
              mark(1);
              break;
            case 'b':
              mark(2);
            case 'c':
              mark(3);
              break;
            default:
              mark(4);
          }
        }
      `),
    ).toEqual(['3 after 2']);
  });

  it('sees marks in a loop follow each other across iterations (a mark is never listed after itself)', () => {
    expect(
      repeats(`
        declare function mark(n: number): void;
        declare const items: number[];
        function f() {
          for (const item of items) {
            if (item > 0) mark(1);
            else mark(2);
          }
        }
        function g() {
          for (const item of items) {
            if (item > 0) { mark(3); break; }
          }
          mark(4);
        }
        function h() {
          for (const item of items) {
            if (item > 0) { mark(5); return; }
          }
          mark(6);
        }
      `),
    ).toEqual(['1 after 2', '2 after 1', '4 after 3']);
  });

  it('reads try/catch as ESLint models it: the end of the try block reaches the catch', () => {
    expect(
      repeats(`
        declare function mark(n: number): void;
        declare function risky(): void;
        function f() {
          try {
            risky();
            mark(1);
          } catch {
            mark(2);
          }
        }
        function g() {
          try {
            risky();
          } catch {
            mark(3);
            return;
          } finally {
            risky();
          }
          mark(4);
        }
      `),
    ).toEqual(['2 after 1']);
  });

  it('keeps nested functions apart from the function around them', () => {
    expect(
      repeats(`
        declare function mark(n: number): void;
        declare function on(event: string, callback: () => void): void;
        function f() {
          mark(1);
          on('end', () => {
            mark(2);
          });
          on('error', function () {
            mark(3);
            mark(4);
          });
        }
      `),
    ).toEqual(['4 after 3']);
  });

  it('ignores marks in unreachable code', () => {
    expect(
      repeats(`
        declare function mark(n: number): void;
        function f() {
          mark(1);
          return;
          mark(2);
        }
      `),
    ).toEqual([]);
  });

  it('reports nothing for a function nobody watches, or a file without marks', () => {
    expect(
      repeats(`
        declare function mark(n: number): void;
        function f() {}
        mark(1);
        mark(2);
      `),
    ).toEqual([]);
  });
});
