/**
 * "Can this marked node run after another marked node on one path through its
 * function?", answered with ESLint's code-path analysis: the rule watches a few
 * nodes of a function, the tracker records in which code-path segments they
 * run, and when the function's code path ends it propagates "the last marked
 * node seen" along the segment graph (loops included) to a fixed point.
 *
 * Costs nothing for functions nobody watches beyond a stack push per function
 * and a null check per segment event.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Segment = TSESLint.CodePathSegment;
type CodePath = TSESLint.CodePath;

export interface Repeat<T extends TSESTree.Node> {
  /** The marked node that can run after another. */
  readonly node: T;
  /** The marked nodes that can be the last one to run before it, in source order (never `node` itself). */
  readonly after: readonly T[];
}

export interface RepeatTracker<T extends TSESTree.Node> {
  /** Watch these nodes, all written directly in `fn` (not in functions nested in it). Call before `fn` is entered. */
  watch(fn: TSESTree.Node, nodes: readonly T[]): void;
  /** Tell the tracker that the traversal has just left `node` (call it from the node type's `:exit` listener). */
  visited(node: TSESTree.Node): void;
  /** Code-path listeners to spread into the rule's listeners. */
  readonly listeners: TSESLint.RuleListener;
}

interface Frame<T> {
  readonly watched: ReadonlySet<T>;
  /** The segments the traversal is in right now. */
  readonly current: Set<Segment>;
  /** The watched nodes each segment runs, in order. */
  readonly marks: Map<Segment, T[]>;
}

/** A tracker that calls `onRepeat` once per watched node that can run after another, when its function ends. */
export function createRepeatTracker<T extends TSESTree.Node>(onRepeat: (repeat: Repeat<T>) => void): RepeatTracker<T> {
  const watchedByFunction = new WeakMap<TSESTree.Node, ReadonlySet<T>>();
  const frames: (Frame<T> | null)[] = [];
  const top = (): Frame<T> | null => frames[frames.length - 1] ?? null;

  const listeners = {
    onCodePathStart(_codePath: CodePath, node: TSESTree.Node): void {
      const watched = watchedByFunction.get(node);
      frames.push(watched ? { watched, current: new Set(), marks: new Map() } : null);
    },
    onCodePathEnd(codePath: CodePath): void {
      const frame = frames.pop();
      if (frame) for (const repeat of repeatsOf(codePath, frame)) onRepeat(repeat);
    },
    onCodePathSegmentStart(segment: Segment): void {
      top()?.current.add(segment);
    },
    onCodePathSegmentEnd(segment: Segment): void {
      top()?.current.delete(segment);
    },
    onUnreachableCodePathSegmentStart(segment: Segment): void {
      top()?.current.add(segment);
    },
    onUnreachableCodePathSegmentEnd(segment: Segment): void {
      top()?.current.delete(segment);
    },
  };

  return {
    watch(fn, nodes) {
      if (nodes.length > 0) watchedByFunction.set(fn, new Set([...(watchedByFunction.get(fn) ?? []), ...nodes]));
    },
    visited(node) {
      const frame = top();
      if (!frame?.watched.has(node as T)) return;
      for (const segment of frame.current) {
        const list = frame.marks.get(segment);
        if (list) list.push(node as T);
        else frame.marks.set(segment, [node as T]);
      }
    },
    // The code-path events are not part of typescript-eslint's `RuleListener` type.
    listeners: listeners as unknown as TSESLint.RuleListener,
  };
}

function repeatsOf<T extends TSESTree.Node>(codePath: CodePath, frame: Frame<T>): Repeat<T>[] {
  // Every reachable segment, in discovery order from the start of the function.
  const segments: Segment[] = [];
  const seen = new Set<Segment>();
  const stack: Segment[] = [codePath.initialSegment];
  while (stack.length > 0) {
    const segment = stack.pop();
    if (!segment || seen.has(segment)) continue;
    seen.add(segment);
    segments.push(segment);
    for (let index = segment.nextSegments.length - 1; index >= 0; index--) {
      const next = segment.nextSegments[index];
      if (next && !seen.has(next)) stack.push(next);
    }
  }
  // The last marked node that may have run on some path into each segment; grows to a fixed point (loops).
  const incoming = new Map<Segment, Set<T>>(segments.map((segment) => [segment, new Set<T>()]));
  const outgoing = (segment: Segment): ReadonlySet<T> => {
    const marks = frame.marks.get(segment);
    const last = marks?.[marks.length - 1];
    return last ? new Set([last]) : (incoming.get(segment) ?? new Set());
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const segment of segments) {
      const into = incoming.get(segment);
      if (!into) continue;
      for (const previous of segment.prevSegments) {
        for (const mark of outgoing(previous)) {
          if (!into.has(mark)) {
            into.add(mark);
            changed = true;
          }
        }
      }
    }
  }

  const predecessors = new Map<T, Set<T>>();
  for (const [segment, marks] of frame.marks) {
    if (!segment.reachable) continue;
    marks.forEach((mark, index) => {
      const before = index > 0 ? [marks[index - 1] as T] : [...(incoming.get(segment) ?? [])];
      let set = predecessors.get(mark);
      if (!set) {
        set = new Set();
        predecessors.set(mark, set);
      }
      for (const earlier of before) if (earlier !== mark) set.add(earlier);
    });
  }
  const repeats: Repeat<T>[] = [];
  for (const [node, after] of predecessors) {
    if (after.size > 0) repeats.push({ node, after: [...after].sort((a, b) => a.range[0] - b.range[0]) });
  }
  return repeats.sort((a, b) => a.node.range[0] - b.node.range[0]);
}
