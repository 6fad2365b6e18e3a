import { describe, expect, it } from 'vitest';
import { localCallee, localConstructor, thisClass } from '../../lib/local-callees.js';
import { probeCalls } from './probe.js';

/** For every `probe(<call or new>)`: the line of the function it runs, or null. */
function callees(code: string): (number | null)[] {
  return probeCalls(code, (context, call) => {
    const [argument] = call.arguments;
    if (argument?.type === 'NewExpression') return localConstructor(context.sourceCode, argument.callee)?.loc.start.line ?? null;
    if (argument?.type !== 'CallExpression') throw new Error('probe(<call>) expected');
    return localCallee(context.sourceCode, argument.callee)?.loc.start.line ?? null;
  });
}

describe('localCallee', () => {
  it('finds declarations, consts, class members, statics and object methods', () => {
    const code = `
      function load() {}
      const save = () => {};
      const store = { get() {}, put: function () {} };
      class Base { static open() {} read() {} }
      class Repo extends Base {
        write = () => {};
        run() {
          probe(this.read());
          probe(this.write());
          probe(Repo.open());
        }
      }
      probe(load());
      probe(save());
      probe(store.get());
      probe(store.put());
      probe(Base.open());
      probe((() => 1)());
    `;
    expect(callees(code)).toEqual([5, 7, 5, 2, 3, 4, 4, 5, 19]);
  });

  it('tells `this.#name` from `this.name`, and does not look for `#name` in a base class', () => {
    const code = `
      class Base {
        #hidden() {}
      }
      class Provider extends Base {
        items() {}
        *#items() {}
        run() {
          probe(this.items());
          probe(this.#items());
          probe(this.#hidden());
        }
      }
    `;
    expect(callees(code)).toEqual([6, 7, null]);
  });

  it('gives up on what may change or come from elsewhere', () => {
    const code = `
      import { imported } from './elsewhere.js';
      let reassigned = () => {};
      reassigned = () => {};
      const spread = { get() {}, ...other };
      declare const other: object;
      function overloaded(a: string): void;
      function overloaded(a: unknown) {}
      export function run(param: () => void, obj: { m(): void }) {
        probe(imported());
        probe(reassigned());
        probe(spread.get());
        probe(param());
        probe(obj.m());
        probe(overloaded('x'));
        probe(this.x());
      }
    `;
    expect(callees(code)).toEqual([null, null, null, null, null, 8, null]);
  });
});

describe('localConstructor and thisClass', () => {
  it('finds the constructor that new runs, through local base classes', () => {
    const code = `
      class Base { constructor() {} }
      class Child extends Base {}
      class Empty {}
      probe(new Child());
      probe(new Base());
      probe(new Empty());
      probe(new Map());
    `;
    expect(callees(code)).toEqual([2, 2, null, null]);
  });

  it('knows the class `this` means, and whether it is static', () => {
    const code = `
      class A {
        static s = probe();
        f = probe();
        m() { probe(); const g = () => probe(); function h() { probe(); } }
        static { probe(); }
      }
    `;
    expect(probeCalls(code, (_context, call) => {
      const owner = thisClass(call);
      return owner ? `${owner.cls.id?.name ?? '?'}${owner.isStatic ? ' static' : ''}` : null;
    })).toEqual(['A static', 'A', 'A', 'A', null, 'A static']);
  });
});
