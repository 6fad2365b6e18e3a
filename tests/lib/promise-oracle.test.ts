import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isFunctionNode } from '../../lib/ast.js';
import { annotationIsPromise, getPromiseOracle, type Answer, type OracleOptions } from '../../lib/promise-oracle.js';
import { firstArgument, probeCalls, probeNodes, type Context } from './probe.js';

type Mode = 'untyped' | 'typed';
const MODES: readonly Mode[] = ['untyped', 'typed'];

interface Case {
  readonly name: string;
  /** Code with `probe(<expression>)` calls; `probe` is declared for the checker. */
  readonly code: string;
  /** One answer per probe, in source order. */
  readonly untyped: readonly Answer[];
  /** Defaults to `untyped`: the checker only decides what syntax leaves `unknown`. */
  readonly typed?: readonly Answer[];
  readonly options?: OracleOptions;
}

const PRELUDE = 'declare function probe(value: unknown): void;\n';

/** The oracle's answer for every probe in `code`, in one mode. */
function ask(
  code: string,
  mode: Mode,
  question: (oracle: ReturnType<typeof getPromiseOracle>, node: TSESTree.Expression, context: Context) => Answer,
  options?: OracleOptions,
): Answer[] {
  return probeCalls(
    PRELUDE + code,
    (context, call) => {
      const [argument] = call.arguments;
      if (!argument || argument.type === 'SpreadElement') throw new Error('probe() needs an argument');
      const oracle = getPromiseOracle(context, options);
      expect(oracle.typed).toBe(mode === 'typed');
      return question(oracle, argument, context);
    },
    { typed: mode === 'typed' },
  );
}

function runTable(title: string, cases: readonly Case[], question: Parameters<typeof ask>[2]): void {
  describe(title, () => {
    for (const mode of MODES) {
      describe(mode, () => {
        for (const testCase of cases) {
          it(testCase.name, () => {
            const expected = mode === 'typed' ? (testCase.typed ?? testCase.untyped) : testCase.untyped;
            expect(ask(testCase.code, mode, question, testCase.options)).toEqual(expected);
          });
        }
      });
    }
  });
}

const isPromiseCases: Case[] = [
  {
    name: 'PromiseLike is a thenable, not a Promise, with checkThenables off',
    options: { checkThenables: false },
    code: `
      declare function connect(): PromiseLike<void>;
      declare const pending: PromiseLike<number>;
      function wrap(): PromiseLike<number> { return pending; }
      class Job extends Promise<number> {}
      declare const job: Job;
      probe(connect());
      probe(pending);
      probe(wrap());
      probe(job);
    `,
    untyped: ['no', 'no', 'no', 'unknown'],
    typed: ['no', 'no', 'no', 'yes'],
  },
  {
    // Triage (openai's toFile: \`value = await value\`).
    name: 'a variable written `T | Promise<T>` and assigned an awaited value: the written type no longer decides',
    code: `
      export async function first(value: number | Promise<number>, other: number | Promise<number>) {
        probe(other);
        value = await value;
        probe(value);
        let pending: Promise<number> = Promise.resolve(1);
        pending = pending.then((n) => n + 1);
        probe(pending);
      }
      export async function second(input: string | Promise<string>) {
        let held: string | Promise<string> = input;
        held = await held;
        probe(held);
      }
    `,
    untyped: ['yes', 'unknown', 'yes', 'unknown'],
    typed: ['yes', 'no', 'yes', 'no'],
  },
  {
    // Triage (vscode-markdown-languageservice: provideCompletionItems and an async generator #provideCompletionItems).
    name: '`this.#name()` calls the private member, not a public one of the same name',
    code: `
      export class Provider {
        async items(): Promise<string[]> { return []; }
        async *#items(): AsyncGenerator<string> { yield 'a'; }
        #load(): number { return 1; }
        async load(): Promise<number> { return 1; }
        run() {
          probe(this.items());
          probe(this.#items());
          probe(this.#load());
          probe(this.load());
        }
      }
    `,
    untyped: ['yes', 'no', 'no', 'yes'],
  },
  {
    name: 'async function declarations, hoisted, expressions and arrows',
    code: `
      probe(init());
      export async function init(): Promise<void> {}
      const start = async (port: number) => port;
      const stop = async function (): Promise<void> {};
      probe(start(80));
      probe(stop());
      export function run() {
        probe(later());
        async function later() { return 1; }
      }
    `,
    untyped: ['yes', 'yes', 'yes', 'yes'],
  },
  {
    name: 'functions annotated to return a Promise, declared functions and overloads',
    code: `
      const cache = new Map<string, Promise<string>>();
      function lookup(key: string): Promise<string> {
        return cache.get(key) ?? Promise.reject(new Error(key));
      }
      declare function connect(url: string): Promise<{ close(): void }>;
      function read(path: string): Promise<string>;
      function read(path: string, callback: (text: string) => void): void;
      function read(path: string, callback?: (text: string) => void): Promise<string> | void {
        if (callback) return callback(path);
        return Promise.resolve(path);
      }
      probe(lookup('a'));
      probe(connect('db://'));
      probe(read('a.txt'));
    `,
    untyped: ['yes', 'yes', 'yes'],
  },
  {
    name: 'overloads none of which returns a promise',
    code: `
      function pick(a: string): string;
      function pick(a: number): number;
      function pick(a: any) { return a; }
      probe(pick('x'));
    `,
    untyped: ['unknown'],
    typed: ['no'],
  },
  {
    name: 'a plain function that returns a promise from one branch',
    code: `
      const cache = new Map<string, string>();
      export function getUser(id: string) {
        const hit = cache.get(id);
        if (hit !== undefined) {
          return hit;
        }
        return fetch('/users/' + id);
      }
      export function wrap(id: string) {
        const pending = getUser(id);
        return pending;
      }
      probe(getUser('1'));
      probe(wrap('1'));
    `,
    untyped: ['yes', 'yes'],
  },
  {
    name: 'functions that return no promise',
    code: `
      function log(message: string) {
        console.log(message);
      }
      function sum(a: number, b: number) {
        if (a > b) return a - b;
        return a + b;
      }
      function stamp(): string { return new Date().toISOString(); }
      function bail(): void { return; }
      function* ids() { yield 1; }
      async function* pages() { yield 1; }
      probe(log('x'));
      probe(sum(1, 2));
      probe(stamp());
      probe(bail());
      probe(ids());
      probe(pages());
    `,
    untyped: ['no', 'no', 'no', 'no', 'no', 'no'],
  },
  {
    name: 'a function whose result syntax cannot tell',
    code: `
      import { readFileSync } from 'node:fs';
      function size(path: string) { return readFileSync(path).length; }
      function text(path: string) { return readFileSync(path, 'utf8'); }
      probe(size('a'));
      probe(text('a'));
    `,
    untyped: ['unknown', 'unknown'],
    typed: ['no', 'no'],
  },
  {
    name: 'new Promise and the Promise statics',
    code: `
      declare const jobs: Promise<number>[];
      probe(new Promise<void>((resolve) => setTimeout(resolve, 10)));
      probe(Promise.all(jobs));
      probe(Promise.allSettled(jobs));
      probe(Promise.race(jobs));
      probe(Promise.any(jobs));
      probe(Promise.resolve(1));
      probe(Promise.reject(new Error('x')));
      probe(Promise.withResolvers<void>().promise);
      probe(globalThis.Promise.resolve());
    `,
    untyped: ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
  },
  {
    name: 'a local class named Promise is not the global',
    code: `
      class Promise<T> {
        constructor(readonly executor: (resolve: (value: T) => void) => void) {}
        static resolve<T>(value: T) { return [value]; }
      }
      probe(new Promise<number>((resolve) => resolve(1)));
      probe(Promise.resolve(1));
    `,
    untyped: ['no', 'no'],
  },
  {
    name: 'then, catch and finally of a promise',
    code: `
      async function load() { return 1; }
      probe(load().then((n) => n + 1));
      probe(load().catch(() => 0));
      probe(load().finally(() => undefined));
      probe(load().then((n) => n).catch(console.error).finally(() => {}));
    `,
    untyped: ['yes', 'yes', 'yes', 'yes'],
  },
  {
    name: 'then of an unknown receiver is a thenable, catch of one is not known',
    code: `
      declare const query: any;
      probe(query.where({ id: 1 }).then((rows: unknown) => rows));
      probe(query.catch(() => 0));
      probe(query.then());
    `,
    untyped: ['yes', 'unknown', 'unknown'],
  },
  {
    name: 'Cypress chains are not promises',
    code: `
      declare const cy: any;
      probe(cy.get('button').then(($button: unknown) => $button));
      probe(cy.then(() => 1));
    `,
    untyped: ['unknown', 'unknown'],
  },
  {
    name: 'dynamic import',
    code: `
      probe(import('./store.js'));
      probe(import('node:fs').then((fs) => fs.readFileSync));
    `,
    untyped: ['yes', 'yes'],
  },
  {
    name: 'promisify results called',
    code: `
      import fs from 'node:fs';
      import util, { promisify } from 'node:util';
      const readFileAsync = promisify(fs.readFile);
      const statAsync = util.promisify(fs.stat);
      probe(readFileAsync('a.txt'));
      probe(statAsync('a.txt'));
      probe(promisify(fs.unlink)('a.txt'));
    `,
    untyped: ['yes', 'yes', 'yes'],
  },
  {
    name: 'methods called through this, object literals, statics, subclasses and class fields',
    code: `
      class Base {
        async init(): Promise<void> {}
        close() { return true; }
      }
      class Repo extends Base {
        static async open(url: string) { return new Repo(url); }
        load = async (id: string) => id;
        constructor(readonly url: string) { super(); }
        async save(id: string) { return id; }
        run() {
          probe(this.save('a'));
          probe(this.init());
          probe(this.load('b'));
          probe(this.close());
        }
      }
      const api = {
        async get(path: string) { return path; },
        put: async (path: string) => path,
        size() { return 1; },
      };
      const repo = new Repo('db://');
      probe(Repo.open('db://'));
      probe(api.get('/a'));
      probe(api.put('/a'));
      probe(api.size());
      probe(repo.save('c'));
      probe(repo.load('d'));
    `,
    untyped: ['yes', 'yes', 'yes', 'no', 'yes', 'yes', 'yes', 'no', 'yes', 'yes'],
  },
  {
    name: 'methods inherited from a local base class, called on an instance or the subclass',
    code: `
      class Repo {
        static async connect(url: string) { return url; }
        async save(id: string) { return id; }
        size() { return 0; }
      }
      class UserRepo extends Repo {
        find(id: string) { return id; }
      }
      const users = new UserRepo();
      probe(users.save('a'));
      probe(users.size());
      probe(users.find('a'));
      probe(UserRepo.connect('db://'));
    `,
    untyped: ['yes', 'no', 'no', 'yes'],
  },
  {
    name: 'instances of local classes: thenables, Promise subclasses, plain classes',
    code: `
      import { EventEmitter } from 'node:events';
      class Deferred<T> extends Promise<T> {}
      class Cancelable<T> extends Deferred<T> {}
      class Point { constructor(readonly x: number) {} }
      class Bus extends EventEmitter {}
      probe(new Deferred<void>((resolve) => resolve()));
      probe(new Cancelable<void>((resolve) => resolve()));
      probe(new Point(1));
      probe(new Bus());
    `,
    untyped: ['yes', 'yes', 'no', 'unknown'],
    typed: ['yes', 'yes', 'no', 'no'],
  },
  {
    name: 'an async method bound to its object',
    code: `
      class Store {
        async save(record: { id: string }) { return record.id; }
      }
      const store = new Store();
      const save = store.save.bind(store);
      const alias = store.save;
      probe(save({ id: 'a' }));
      probe(alias({ id: 'b' }));
    `,
    untyped: ['yes', 'yes'],
  },
  {
    name: 'methods of an awaited fetch response',
    code: `
      export async function getJson(url: string) {
        probe((await fetch(url)).json());
        const res = await fetch(url, { method: 'POST' });
        probe(res.text());
        probe(res.headers.get('content-type'));
        probe(fetch(url));
        probe(globalThis.fetch(url));
      }
    `,
    untyped: ['yes', 'yes', 'unknown', 'yes', 'yes'],
    typed: ['yes', 'yes', 'no', 'yes', 'yes'],
  },
  {
    name: 'methods of a fetch response received by a .then callback',
    code: `
      export function getJson(url: string) {
        return fetch(url).then((res) => {
          probe(res.json());
          probe(res.headers.get('content-type'));
        });
      }
      export function notFirst(url: string, other: Response) {
        return fetch(url).then(() => probe(other.json()));
      }
      export function reassigned(url: string, other: Response) {
        return fetch(url).then((res) => {
          res = other;
          probe(res.arrayBuffer());
        });
      }
    `,
    untyped: ['yes', 'unknown', 'unknown', 'unknown'],
    typed: ['yes', 'no', 'yes', 'yes'],
  },
  {
    name: 'methods called through an alias of this',
    code: `
      class Uploader {
        async upload(file: string) { return file; }
        size(file: string) { return file.length; }
        run(files: string[]) {
          const self = this;
          files.forEach(function (file) {
            probe(self.upload(file));
            probe(self.size(file));
          });
        }
      }
      function Legacy(this: any) {}
      Legacy.prototype.flush = async function () {};
      Legacy.prototype.run = function (this: any) {
        var that = this;
        setTimeout(function () { probe(that.flush()); }, 10);
      };
    `,
    untyped: ['yes', 'unknown', 'yes'],
    typed: ['yes', 'no', 'yes'],
  },
  {
    name: 'a local function named fetch is not the global',
    code: `
      function fetch(url: string) { return url.length; }
      const Promise = { all: (values: unknown[]) => values };
      probe(fetch('/a'));
      probe(Promise.all([]));
    `,
    untyped: ['unknown', 'no'],
    typed: ['no', 'no'],
  },
  {
    name: 'the promise catalogue of builtins',
    code: `
      import { readFile, watch } from 'node:fs/promises';
      import * as fsp from 'fs/promises';
      import { setTimeout as sleep } from 'node:timers/promises';
      import fs from 'fs';
      import { once } from 'node:events';
      import { EventEmitter } from 'node:events';
      const emitter = new EventEmitter();
      export async function main() {
        probe(readFile('a.txt', 'utf8'));
        probe(fsp.writeFile('b.txt', 'x'));
        probe(fs.promises.stat('a.txt'));
        probe(sleep(10));
        probe(once(emitter, 'ready'));
        probe(watch('.'));
        probe(setTimeout(() => {}, 10));
        probe(console.log('x'));
      }
    `,
    untyped: ['yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'no'],
  },
  {
    name: 'values: literals, awaits, variables, conditionals',
    code: `
      async function load() { return 1; }
      declare const flag: boolean;
      declare const ready: Promise<void>;
      declare const loaded: number;
      const pending = load();
      let later = load();
      later = Promise.resolve(2);
      export async function f(p: Promise<string>, n: number) {
        probe(42);
        probe(\`id-\${n}\`);
        probe(await load());
        probe(pending);
        probe(ready);
        probe(loaded);
        probe(p);
        probe(flag ? load() : null);
        probe(flag || load());
        probe(later);
        probe(load() as Promise<number>);
        probe(load()!);
        probe((0, load()));
        probe(undefined);
        probe({ then: 1 });
        probe({ id: 1 });
      }
    `,
    untyped: ['no', 'no', 'no', 'yes', 'yes', 'no', 'yes', 'yes', 'yes', 'unknown', 'yes', 'yes', 'yes', 'no', 'unknown', 'no'],
    typed: ['no', 'no', 'no', 'yes', 'yes', 'no', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'no'],
  },
  {
    name: 'a custom thenable class, with checkThenables on',
    code: `
      class Query<T> {
        then(resolve: (rows: T[]) => void) { resolve([]); }
      }
      probe(new Query<string>());
    `,
    untyped: ['yes'],
  },
  {
    name: 'a custom thenable class, with checkThenables off',
    options: { checkThenables: false },
    code: `
      class Query<T> {
        then(resolve: (rows: T[]) => void) { resolve([]); }
      }
      declare const query: { then(cb: (rows: string[]) => void): void };
      probe(new Query<string>());
      probe(query);
      probe(new Promise<void>((resolve) => resolve()));
    `,
    untyped: ['no', 'unknown', 'yes'],
    typed: ['no', 'no', 'yes'],
  },
  {
    name: 'then of an unknown receiver with checkThenables off',
    options: { checkThenables: false },
    code: `
      declare const query: any;
      probe(query.where({ id: 1 }).then((rows: unknown) => rows));
    `,
    untyped: ['unknown'],
  },
  {
    name: 'the checker answers where syntax cannot',
    code: `
      declare function getConfig(): { port: number };
      declare function connect(): PromiseLike<void> | undefined;
      declare const jobs: Map<string, Promise<void>>;
      declare const maybe: Promise<number> | number;
      interface Client { query(sql: string): Promise<unknown[]>; end(): void }
      export function use(client: Client) {
        probe(getConfig());
        probe(connect());
        probe(jobs.get('a'));
        probe(maybe);
        probe(client.query('select 1'));
        probe(client.end());
      }
    `,
    // A local interface's method signatures are written types: syntax reads them too.
    untyped: ['unknown', 'yes', 'unknown', 'yes', 'yes', 'no'],
    typed: ['no', 'yes', 'yes', 'yes', 'yes', 'no'],
  },
  {
    name: 'where the checker says any, syntax still decides',
    code: `
      const api: any = {
        async get(path: string) { return path; },
      };
      declare const req: any;
      export function handle(item: any) {
        probe(api.get('/a'));
        probe((window as any).fetch('/b'));
        probe(req.body.save());
        probe(item.then((x: unknown) => x));
        probe(item.save());
      }
    `,
    untyped: ['yes', 'yes', 'unknown', 'yes', 'unknown'],
  },
  {
    name: 'functions imported from another file of the project',
    code: `
      import connect, { save, load, flush, format } from './store.js';
      import * as store from './store.js';
      export async function main() {
        probe(save({ id: 'a' }));
        probe(load('a'));
        probe(flush());
        probe(connect());
        probe(store.save({ id: 'b' }));
        probe(format('a'));
        probe(store.format('b'));
      }
    `,
    untyped: ['yes', 'yes', 'yes', 'yes', 'yes', 'unknown', 'unknown'],
    typed: ['yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no'],
  },
  {
    name: 'recursive functions do not loop',
    code: `
      function ping(n: number): unknown { return n > 0 ? pong(n - 1) : n; }
      function pong(n: number): unknown { return ping(n); }
      const a = (): unknown => b();
      const b = (): unknown => a();
      probe(ping(3));
      probe(a());
    `,
    untyped: ['unknown', 'unknown'],
  },
];

runTable('isPromise', isPromiseCases, (oracle, node) => oracle.isPromise(node));

const arrayCases: Case[] = [
  {
    name: 'map and flatMap with an async callback',
    code: `
      async function save(id: string) { return id; }
      declare const ids: string[];
      probe(ids.map(async (id) => save(id)));
      probe(ids.flatMap(async (id) => [id]));
      probe(ids.map(save));
      probe(ids.map((id) => save(id)));
    `,
    untyped: ['yes', 'yes', 'yes', 'yes'],
  },
  {
    name: 'Array.from with an async mapper',
    code: `
      async function load(n: number) { return n; }
      declare const set: Set<number>;
      probe(Array.from(set, async (n) => load(n)));
      probe(Array.from(set, load));
    `,
    untyped: ['yes', 'yes'],
  },
  {
    name: 'array literals of promises',
    code: `
      async function load(n: number) { return n; }
      declare const more: Promise<number>[];
      probe([load(1), load(2)]);
      probe([1, load(2)]);
      probe([...more]);
      probe([1, 2, 3]);
      probe([]);
    `,
    untyped: ['yes', 'yes', 'unknown', 'no', 'no'],
    typed: ['yes', 'yes', 'yes', 'no', 'no'],
  },
  {
    name: 'arrays whose elements syntax cannot tell',
    code: `
      declare const ids: string[];
      declare const pending: Promise<string>[];
      declare const pair: [Promise<number>, string];
      probe(ids.map((id) => id.length));
      probe(pending);
      probe(pair);
      probe(ids);
    `,
    untyped: ['unknown', 'unknown', 'unknown', 'unknown'],
    typed: ['no', 'yes', 'yes', 'no'],
  },
];

runTable('isPromiseArray', arrayCases, (oracle, node) => oracle.isPromiseArray(node));

const returnsCases: Case[] = [
  {
    name: 'callees named by identifiers, members and function expressions',
    code: `
      import { readFile } from 'fs/promises';
      async function load() {}
      function plain() { return 1; }
      declare const handler: (event: string) => Promise<void>;
      class Job { static async run() {} }
      probe(load);
      probe(plain);
      probe(readFile);
      probe(handler);
      probe(Job.run);
      probe(async () => {});
      probe(() => 1);
      probe(Job);
    `,
    untyped: ['yes', 'no', 'yes', 'yes', 'yes', 'yes', 'no', 'no'],
  },
  {
    name: 'callees that only the checker knows',
    code: `
      declare const lookup: Record<string, () => Promise<number>>;
      declare const sync: Record<string, () => number>;
      declare const loose: any;
      probe(lookup.a);
      probe(sync.a);
      probe(loose.a);
    `,
    untyped: ['unknown', 'unknown', 'unknown'],
    typed: ['yes', 'no', 'unknown'],
  },
];

runTable('returnsPromise', returnsCases, (oracle, node) => oracle.returnsPromise(node));

describe('functionReturnsPromise', () => {
  for (const mode of MODES) {
    it(`judges each function of a file by its declaration and returns (${mode})`, () => {
      const code = `
        async function a() {}
        function b(): Promise<void> { return Promise.resolve(); }
        // A promise on one path and null on another: not a promise to its callers.
        function c() { if (Math.random()) return fetch('/x'); return null; }
        function d() { return 1; }
        function e() {}
        function* f() {}
        const g = () => new Promise<void>((resolve) => resolve());
        declare function h(): Promise<string>;
      `;
      const answers = probeNodes(
        code,
        'FunctionDeclaration, TSDeclareFunction, VariableDeclarator > ArrowFunctionExpression',
        (context, node: TSESTree.Node) => {
          if (!isFunctionNode(node)) throw new Error(node.type);
          return getPromiseOracle(context).functionReturnsPromise(node);
        },
        { typed: mode === 'typed' },
      );
      expect(answers).toEqual(['yes', 'yes', 'unknown', 'no', 'no', 'no', 'yes', 'yes']);
    });
  }
});

describe('hasCatch', () => {
  it('is true only where `.catch(...)` type-checks on the value as written (typed)', () => {
    const code = `${PRELUDE}
      declare const done: Promise<void>;
      declare const voidable: Promise<void> | void;
      declare const missing: Promise<void> | undefined;
      declare const thenable: PromiseLike<void>;
      declare const anything: any;
      declare const client: {
        close(): Promise<void>;
        maybe(): Promise<void> | undefined;
        done: Promise<void>;
        later?: Promise<void>;
        stop?: () => Promise<void>;
      } | undefined;
      probe(done);
      probe(voidable);
      probe(missing);
      probe(missing!);
      probe(thenable);
      probe(anything);
      probe(client?.close());
      probe(client?.maybe());
      probe(client?.done);
      probe(client?.later);
      probe(client?.stop?.());
    `;
    const answers = probeCalls(code, (context, call) => getPromiseOracle(context).hasCatch(firstArgument(call)), {
      typed: true,
    });
    // The `undefined` an optional chain adds is the chain's own: `.catch` continues the chain.
    expect(answers).toEqual([true, false, false, true, false, true, true, false, true, false, true]);
  });

  it('without types, is false where the answer rests on a written type that may lack `.catch` (untyped)', () => {
    const code = `${PRELUDE}
      declare function both(): Promise<void> | void;
      declare function thenable(): PromiseLike<void>;
      declare function surely(): Promise<void>;
      async function save() {}
      class Bus {
        #handler: (message: unknown) => Promise<void> | void = async () => {};
        #send = async (message: unknown) => {};
        run() {
          probe(this.#handler(1));
          probe(this.#send(1));
        }
      }
      probe(both());
      probe(thenable());
      probe(surely());
      probe(save());
      probe(fetch('/x'));
      const pending = both();
      probe(pending);
    `;
    // Asked twice: the second answer must not come from what the first one cached.
    const answers = probeCalls(code, (context, call) => {
      const oracle = getPromiseOracle(context);
      return [oracle.isPromise(firstArgument(call)), oracle.hasCatch(firstArgument(call)), oracle.hasCatch(firstArgument(call))];
    });
    expect(answers).toEqual([
      ['yes', false, false],
      ['yes', true, true],
      ['yes', false, false],
      ['yes', false, false],
      ['yes', true, true],
      ['yes', true, true],
      ['yes', true, true],
      ['yes', false, false],
    ]);
  });
});

describe('getPromiseOracle', () => {
  it('gives one oracle per file and option set', () => {
    const [same] = probeCalls(`${PRELUDE}probe(1);`, (context) => {
      const first = getPromiseOracle(context);
      return (
        first === getPromiseOracle(context, { checkThenables: true }) &&
        first !== getPromiseOracle(context, { checkThenables: false })
      );
    });
    expect(same).toBe(true);
  });
});

describe('annotationIsPromise', () => {
  it('reads written types', () => {
    const code = `
      let a: Promise<void>;
      let b: PromiseLike<number>;
      let c: Promise<void> | undefined;
      let d: string | number;
      let e: void;
      let f: Map<string, number>;
      let g: string[];
      let h: Foo | Promise<void>;
      let i: Foo | string;
    `;
    const answers = probeNodes(code, 'VariableDeclarator', (_context, node: TSESTree.VariableDeclarator) => {
      const annotation = node.id.typeAnnotation?.typeAnnotation;
      if (!annotation) throw new Error('no annotation');
      return annotationIsPromise(annotation);
    });
    expect(answers).toEqual(['yes', 'yes', 'yes', 'no', 'no', 'unknown', 'no', 'yes', 'unknown']);
  });
});
