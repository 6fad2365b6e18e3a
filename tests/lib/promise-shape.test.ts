import { describe, expect, it } from 'vitest';
import { getPromiseShape } from '../../lib/promise-shape.js';
import { firstArgument, probeCalls } from './probe.js';

const DECLARATIONS = `
async function load(): Promise<number> { return 1; }
declare function probe(value: unknown): void;
declare function has(value: unknown, name: string): void;
declare const cond: boolean;
declare const maybe: Promise<number> | undefined;
declare function mixed(): number | Promise<number>;
declare function unrelated(): string | Promise<void>;
declare const client: { connect(): Promise<void> } | undefined;
`;

/** certainty(...) of the argument of every `probe(...)`, in both modes. */
function certainties(code: string, typed: boolean): string[] {
  return probeCalls(DECLARATIONS + code, (context, call) => getPromiseShape(context).certainty(firstArgument(call)), { typed });
}

describe.each([false, true])('certainty (typed: %s)', (typed) => {
  it('is "always" for async calls, `new Promise`, chains and `cached ?? load()`', () => {
    expect(
      certainties(
        `
        probe(load());
        probe(new Promise<void>((resolve) => resolve()));
        probe(load().then((n) => n + 1));
        probe(maybe ?? load());
        probe(cond ? load() : Promise.resolve(2));
        const stored = load();
        probe(stored);
        `,
        typed,
      ),
    ).toEqual(['always', 'always', 'always', 'always', 'always', 'always']);
  });

  it('is "or-nullish" for a promise or nothing: presence checks', () => {
    expect(
      certainties(
        `
        probe(maybe);
        probe(cond ? load() : null);
        probe(cond ? load() : undefined);
        probe(client?.connect());
        function optional(pending?: Promise<void>) { probe(pending); }
        class Service {
          private connecting?: Promise<void>;
          private loading: Promise<number> | null = null;
          // Private fields too (puppeteer-core's \`if (!this.#contentPromise)\`, found by bench/fix-safety.mjs).
          #content: Promise<number> | null = null;
          #closing?: Promise<void>;
          check() {
            probe(this.connecting);
            probe(this.loading);
            probe(this.#content);
            probe(this.#closing);
          }
        }
        let started: Promise<number> | undefined;
        probe(started);
        // Declared nullable: still a presence check where flow analysis has narrowed it.
        let warm: Promise<number> | undefined;
        warm ??= load();
        probe(warm);
        `,
        typed,
      ),
    ).toEqual(Array.from({ length: 11 }, () => 'or-nullish'));
  });

  it('does not take a public field for the private field of the same name', () => {
    expect(
      certainties(
        `
        class Cache {
          #entry: Promise<number> | null = null;
          entry: Promise<number> = load();
          check() {
            probe(this.entry);
          }
        }
        `,
        typed,
      ),
    ).toEqual(['always']);
  });

  it('is "or-value" for `T | Promise<T>` and "sometimes" for a promise or something unrelated', () => {
    expect(
      certainties(
        `
        probe(mixed());
        function check(result: boolean | Promise<boolean>) { probe(result); }
        probe(unrelated());
        probe(cond && load());
        `,
        typed,
      ),
    ).toEqual(['or-value', 'or-value', 'sometimes', 'sometimes']);
  });
});

describe('certainty without types', () => {
  it('reads what local functions return, a bare `return` and falling off the end included', () => {
    expect(
      certainties(
        `
        function sometimes(flag: boolean) {
          if (flag) return load();
        }
        function either(flag: boolean) {
          if (flag) return load();
          return null;
        }
        const arrow = () => load();
        probe(sometimes(cond));
        probe(either(cond));
        probe(arrow());
        `,
        false,
      ),
    ).toEqual(['or-nullish', 'or-nullish', 'always']);
  });

  it('reads what a method of this class returns (knex\'s `this.stream(options)`)', () => {
    expect(
      certainties(
        `
        class Runner {
          stream(handler?: (s: object) => void) {
            const done = load();
            if (handler) return done;
            return {};
          }
          query() {
            return load();
          }
          check() {
            probe(this.stream());
            probe(this.query());
          }
        }
        `,
        false,
      ),
    ).toEqual(['sometimes', 'always']);
  });

  it('reads the function type written on a variable or parameter', () => {
    expect(
      certainties(
        `
        declare const check: () => boolean | Promise<boolean>;
        declare const start: () => number | Promise<void>;
        function run(load: () => Promise<number> | undefined) { probe(load()); }
        probe(check());
        probe(start());
        `,
        false,
      ),
    ).toEqual(['or-nullish', 'or-value', 'sometimes']);
  });

  it('reads every value a variable is given, and `x!`', () => {
    expect(
      certainties(
        `
        let pending = null;
        pending = load();
        probe(pending);
        probe(maybe!);
        // The fallback of a promise is dead code, but the value is read as "either" (no second report downstream).
        probe(load() ?? 3);
        `,
        false,
      ),
    ).toEqual(['or-nullish', 'always', 'sometimes']);
  });
});

describe.each([false, true])('hasMember (typed: %s)', (typed) => {
  it('knows what a promise has', () => {
    const answers = probeCalls(
      `${DECLARATIONS}
      has(load(), 'then');
      has(load(), 'name');
      has(load(), 'finally');
      `,
      (context, call) => {
        const [value, name] = call.arguments;
        if (!value || value.type === 'SpreadElement' || name?.type !== 'Literal') throw new Error('has(value, "name")');
        return getPromiseShape(context).hasMember(value, String(name.value));
      },
      { typed, name: 'has' },
    );
    expect(answers).toEqual(['yes', 'no', 'yes']);
  });
});

describe('hasMember', () => {
  it('with types, sees the members of a thenable builder', () => {
    const answers = probeCalls(
      `${DECLARATIONS}
      interface Query extends PromiseLike<number[]> { where(column: string): Query }
      declare function select(): Query;
      has(select(), 'where');
      has(select(), 'limit');
      `,
      (context, call) => {
        const [value, name] = call.arguments;
        if (!value || value.type === 'SpreadElement' || name?.type !== 'Literal') throw new Error('has(value, "name")');
        return getPromiseShape(context).hasMember(value, String(name.value));
      },
      { typed: true, name: 'has' },
    );
    expect(answers).toEqual(['yes', 'no']);
  });

  it('without types, does not guess the members of a promise made by a package or a class', () => {
    const answers = probeCalls(
      `${DECLARATIONS}
      import { execa } from 'execa';
      import axios from 'axios';
      import { readFile } from 'node:fs/promises';
      class Job extends Promise<void> {}
      const run = execa('ls');
      has(execa('ls'), 'stdout');
      has(run, 'kill');
      has(new Job(() => {}), 'cancel');
      has(readFile('x'), 'length');
      has(load().then(() => 1), 'length');
      has(axios.get('/users'), 'data');
      `,
      (context, call) => {
        const [value, name] = call.arguments;
        if (!value || value.type === 'SpreadElement' || name?.type !== 'Literal') throw new Error('has(value, "name")');
        return getPromiseShape(context).hasMember(value, String(name.value));
      },
      { typed: false, name: 'has' },
    );
    expect(answers).toEqual(['unknown', 'unknown', 'unknown', 'no', 'no', 'no']);
  });
});
