import { describe, expect, it } from 'vitest';
import {
  collectionOrigin,
  enclosingLoop,
  fanOut,
  invokesItems,
  isSmallCollection,
  loopCollection,
  mapperStartsWork,
  releasesResources,
  runsOnOwnConnection,
} from '../../lib/concurrency.js';
import { isFunctionNode } from '../../lib/ast.js';
import { probeCalls } from './probe.js';

const PRELUDE = 'declare function probe(value: unknown): void; declare const items: string[]; declare const n: number;';

describe('isSmallCollection', () => {
  const small = (code: string): boolean[] =>
    probeCalls(`${PRELUDE}\n${code}`, (context, call) => {
      const [argument] = call.arguments;
      return argument ? isSmallCollection(context.sourceCode, argument) : false;
    });

  it('knows literal arrays, fixed lengths, literal slices and shrinking chains', () => {
    expect(
      small(`const few = ['a', 'b'];
const BATCH = 10;
probe(['x', 'y']); probe(few); probe(Array.from({ length: 3 })); probe(new Array(4)); probe(items.slice(0, 10)); probe(few.filter(Boolean).map(String)); probe(Object.keys({ a: 1 })); probe({ length: 5 }); probe(items.slice(n, n + BATCH)); probe(items.slice(n, n + 8));`),
    ).toEqual([true, true, true, true, true, true, true, true, true, true]);
  });

  it('does not count unknown or grown inputs', () => {
    expect(
      small(`const grows = ['a']; grows.push('b');
probe(items); probe(grows); probe(items.slice(0, n)); probe(items.slice(0, 100)); probe(Array.from({ length: n })); probe([...items]); probe({ length: n }); probe(items.slice(n, n + 100));`),
    ).toEqual([false, false, false, false, false, false, false, false]);
  });
});

describe('fanOut', () => {
  it('reads map, flatMap and Array.from with a mapper', () => {
    const shapes = probeCalls(`${PRELUDE}\nprobe(items.map(String)); probe(items.flatMap((x) => [x])); probe(Array.from(items, String)); probe(items.filter(Boolean));`, (context, call) => {
      const [argument] = call.arguments;
      const found = argument ? fanOut(argument) : null;
      return found ? `${context.sourceCode.getText(found.source)} -> ${context.sourceCode.getText(found.mapper)}` : null;
    });
    expect(shapes).toEqual(['items -> String', 'items -> (x) => [x]', 'items -> String', null]);
  });
});

describe('enclosingLoop and loopCollection', () => {
  it('finds the loop around a call in its own function, and what it runs once per item of', () => {
    const collections = probeCalls(
      `${PRELUDE}
declare const obj: Record<string, string>;
for (const item of items) probe(1);
for (const key in obj) probe(2);
for (let i = 0; i < items.length; i++) probe(3);
for (let i = 0; i < n; i++) probe(4);
while (items.length > 0) probe(5);
for (const item of items) items.forEach(() => probe(6));
probe(7);`,
      (context, call) => {
        const loop = enclosingLoop(call);
        if (!loop) return null;
        const collection = loopCollection(loop);
        return collection ? context.sourceCode.getText(collection) : 'none';
      },
    );
    expect(collections).toEqual(['items', 'obj', 'items', 'none', 'none', null, null]);
  });
});

describe('collectionOrigin', () => {
  const origins = (code: string): string[] =>
    probeCalls(`${PRELUDE}\n${code}`, (context, call) => {
      const [argument] = call.arguments;
      return argument ? collectionOrigin(context.sourceCode, argument) : 'none';
    });

  it('calls parameters, awaited results, parsed text and what is computed from them input', () => {
    expect(
      origins(`declare function parse(text: string): string[]; declare function db(): Promise<string[]>; declare function group(x: string[]): string[];
export async function f(files: string[], req: { body: { ids: string[] } }, text: string, { paths }: { paths: string[] }) {
  probe(files); probe(req.body.ids); probe(await db()); probe(parse(text)); probe(text.split('\\n'));
  const rows = (await db()).filter(Boolean); probe(rows); probe(Object.keys(JSON.parse(text))); probe([...files]); probe(group(files)); probe(paths);
  const first = await db(); probe({ length: first.length });
}`),
    ).toEqual(['input', 'input', 'input', 'input', 'input', 'input', 'input', 'input', 'input', 'input', 'input']);
  });

  it('calls state the code holds owned: this, configuration objects, module constants, imports', () => {
    expect(
      origins(`import { REGIONS } from './regions.js';
const SERVERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q'];
export class Pool {
  children: string[] = [];
  f(options: { plugins: string[] }, context: { deploys: string[] }) {
    probe(this.children); probe(Object.values(this.children)); probe([...this.children.values()]); probe(options.plugins); probe(context.deploys); probe(SERVERS); probe(REGIONS);
  }
}`),
    ).toEqual(['owned', 'owned', 'owned', 'owned', 'owned', 'owned', 'owned']);
  });

  it('calls rest parameters and what is destructured from a configuration object owned, and a call on a whole one not input', () => {
    expect(
      origins(`declare function hostingConfig(options: object): string[];
export function f(options: object, config: { fields: string[] }, ...cookies: string[]) {
  const { fields } = config;
  probe(cookies); probe(hostingConfig(options)); probe(fields);
}`),
    ).toEqual(['owned', 'unknown', 'owned']);
  });

  it('leaves calls it cannot see into unknown', () => {
    expect(origins(`declare const loader: { groups(): string[] }; probe(loader.groups()); probe(items);`)).toEqual(['unknown', 'unknown']);
  });
});

describe('releasesResources and mapperStartsWork', () => {
  const mapperOf = (code: string, check: 'releases' | 'starts'): boolean[] =>
    probeCalls(`${PRELUDE}\ndeclare const pool: { close(c: string): Promise<void>; open(c: string): Promise<void> };\n${code}`, (context, call) => {
      const [argument] = call.arguments;
      if (!argument) return false;
      if (check === 'releases') return releasesResources(context.sourceCode, argument);
      return isFunctionNode(argument) ? mapperStartsWork(argument, context.sourceCode.visitorKeys) : true;
    });

  it('knows mappers that close, kill or stop what is open', () => {
    expect(mapperOf(`probe((c: string) => pool.close(c)); probe(async (c: string) => { await pool.open(c); }); probe(pool.close); probe((c: string) => pool.open(c));`, 'releases')).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('knows mappers that only wait for promises already started', () => {
    expect(
      mapperOf(
        `declare const obj: Record<string, Promise<string>>; declare const out: Record<string, string>;
probe(async (key: string) => { out[key] = await Promise.resolve(obj[key]); }); probe((key: string) => obj[key]?.then(String)); probe(async (key: string) => pool.open(key));`,
        'starts',
      ),
    ).toEqual([false, false, true]);
  });
});

describe('runsOnOwnConnection and invokesItems', () => {
  it('knows mappers whose every call goes to this, inside a class that commits its own transaction', () => {
    const answers = probeCalls(
      `declare function probe(value: unknown): void; declare const items: string[]; declare function fetchStats(x: string): Promise<void>;
class Runner {
  query(sql: string): Promise<void> { return Promise.resolve(); }
  commitTransaction(): Promise<void> { return this.query('COMMIT'); }
  client = { query: (sql: string) => Promise.resolve(sql) };
  f() {
    probe((x: string) => this.query(x)); probe(async (x: string) => { const rows = await this.query(x); return rows; }); probe((x: string) => this.query(x).then(String));
    probe((x: string) => this.client.query(x)); probe(async (x: string) => { await this.query(x); return fetchStats(x); }); probe((x: string) => x.length);
  }
}
class Interface {
  commitTransaction(transaction: object): Promise<void> { return Promise.resolve(); }
  drop(x: string): Promise<void> { return Promise.resolve(); }
  f() { probe((x: string) => this.drop(x)); }
}`,
      (context, call) => {
        const [argument] = call.arguments;
        return argument ? runsOnOwnConnection(context.sourceCode, call, argument) : false;
      },
    );
    expect(answers).toEqual([true, true, true, false, false, false, false]);
  });

  it('knows mappers that call each item or an optional hook on it', () => {
    const answers = probeCalls(
      `declare function probe(value: unknown): void; declare function hook(x: unknown): Promise<void>;
probe((stop: () => Promise<void>) => stop()); probe((p: { start?(): Promise<void> }) => p.start?.()); probe(async (h: unknown) => (typeof h === 'function' ? h() : h));
probe((row: { save(): Promise<void> }) => row.save()); probe((row: unknown) => hook(row)); probe((p: { start?(): Promise<void> }) => { p.start?.(); return hook(p); });`,
      (context, call) => {
        const [argument] = call.arguments;
        return argument ? invokesItems(context.sourceCode, argument) : false;
      },
    );
    expect(answers).toEqual([true, true, true, false, false, false]);
  });
});
