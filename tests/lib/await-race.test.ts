import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createAwaitRaceTracker, sharedTarget, targetPath, type AwaitRace } from '../../lib/await-race.js';
import { lintWith, probeCalls, probeOne } from './probe.js';

/** Every race the tracker finds in `code`, as `kind target@line`. */
function races(code: string, options: { checkMaps?: boolean; lockName?: string } = {}): string[] {
  const found: string[] = [];
  lintWith(code, (context) => {
    const tracker = createAwaitRaceTracker(context.sourceCode, {
      checkMaps: options.checkMaps ?? true,
      isLock: (call) => call.callee.type === 'MemberExpression' && call.callee.property.type === 'Identifier' && call.callee.property.name === options.lockName,
    });
    return {
      AwaitExpression: tracker.noteAwait,
      AssignmentExpression: tracker.noteAssignment,
      CallExpression: tracker.noteCall,
      ':function:exit'(node: TSESTree.FunctionLike) {
        for (const race of tracker.racesIn(node)) found.push(describeRace(race));
      },
    };
  });
  return found;
}

function describeRace(race: AwaitRace): string {
  return `${race.kind} ${race.target}@${String(race.write.loc.start.line)}`;
}

describe('targetPath', () => {
  it('keeps private names apart from public ones', () => {
    const paths = probeCalls(
      `class A { #n = 0; n = 0; m() { probe(this.#n); probe(this.n); probe(this['n']); probe(a[b]); } }
declare const a: Record<string, number>; declare const b: string;`,
      (_context, call) => {
        const [argument] = call.arguments;
        return argument ? targetPath(argument) : null;
      },
    );
    expect(paths).toEqual([['this', '#n'], ['this', 'n'], ['this', 'n'], null]);
  });
});

describe('sharedTarget', () => {
  const shared = (code: string, asObject = false): string | null =>
    probeOne(code, (context, node) => sharedTarget(context.sourceCode, node, { asObject })?.path.join('.') ?? null);

  it('counts this.* inside methods, functions and class fields', () => {
    expect(shared('class A { x = 0; m() { probe(this.x); } }')).toBe('this.x');
    expect(shared('class A { x = 0; f = () => probe(this.x); }')).toBe('this.x');
    expect(shared('function F(this: { x: number }) { probe(this.x); }')).toBe('this.x');
  });

  it('does not count the module-level this, nor this alone', () => {
    expect(shared('const f = () => probe((this as any).x);')).toBeNull();
    expect(shared('class A { m() { probe(this); } }')).toBeNull();
  });

  it('counts module-level let/var and properties of module-level objects', () => {
    expect(shared('let n = 0; function f() { probe(n); }')).toBe('n');
    expect(shared('const s = { n: 0 }; function f() { probe(s.n); }')).toBe('s.n');
    expect(shared('const m = new Map(); function f() { probe(m); }', true)).toBe('m');
  });

  it('does not count a module-level const as a reassignable target, nor locals, parameters or imports', () => {
    expect(shared('const m = new Map(); function f() { probe(m); }')).toBeNull();
    expect(shared('function f() { let n = 0; probe(n); }')).toBeNull();
    expect(shared('function f(p: { n: number }) { probe(p.n); }')).toBeNull();
    expect(shared("import { x } from './store.js'; function f() { probe(x); }", true)).toBeNull();
  });
});

describe('createAwaitRaceTracker', () => {
  it('finds an update across an await, only when the read comes first', () => {
    expect(races('let n = 0; declare const g: () => Promise<number>; async function f() { n = n + await g(); n = await g() + n; }')).toEqual(['update n@1']);
  });

  it('skips reads that only decide (lazy initialisation) or sit on another branch', () => {
    expect(
      races(`class A { v?: number; async f(g: () => Promise<number>) {
        this.v = this.v ?? (await g());
        this.v = this.v ? this.v : await g();
      } }`),
    ).toEqual([]);
  });

  it('finds a stale snapshot, and not once it is re-read or restored', () => {
    const code = (middle: string, write: string) => `class A { n = 0; async f(g: () => Promise<void>) {
      const copy = this.n;
      await g();
      ${middle}
      ${write}
    } }`;
    expect(races(code('', 'this.n = copy + 1;'))).toEqual(['snapshot this.n@5']);
    expect(races(code('if (copy !== this.n) return;', 'this.n = copy + 1;'))).toEqual([]);
    expect(races(code('', 'this.n = copy;'))).toEqual([]);
  });

  it('finds a Map check-then-act and ignores it when the check is repeated after the await', () => {
    const racy = `const c = new Map<string, number>(); declare const g: () => Promise<number>;
async function f(k: string) {
  if (!c.has(k)) c.set(k, await g());
}`;
    expect(races(racy)).toEqual(['checkThenAct c.set(k, …)@3']);
    expect(races(racy, { checkMaps: false })).toEqual([]);
    expect(
      races(`const c = new Map<string, number>(); declare const g: () => Promise<number>;
async function f(k: string) {
  if (c.has(k)) return;
  const v = await g();
  if (!c.has(k)) c.set(k, v);
}`),
    ).toEqual([]);
  });

  it('does not report inside or after a lock', () => {
    expect(
      races(
        `let n = 0; declare const g: () => Promise<number>; declare const m: { hold(fn: () => Promise<void>): Promise<void> };
async function f() { await m.hold(async () => { n += await g(); }); }`,
        { lockName: 'hold' },
      ),
    ).toEqual([]);
  });

  it('costs nothing in functions without await', () => {
    expect(races('let n = 0; async function f() { n = n + 1; }')).toEqual([]);
  });
});
