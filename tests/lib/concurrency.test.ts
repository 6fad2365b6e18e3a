import { describe, expect, it } from 'vitest';
import { fanOut, isSmallCollection } from '../../lib/concurrency.js';
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
probe(['x', 'y']); probe(few); probe(Array.from({ length: 3 })); probe(new Array(4)); probe(items.slice(0, 10)); probe(few.filter(Boolean).map(String)); probe(Object.keys({ a: 1 }));`),
    ).toEqual([true, true, true, true, true, true, true]);
  });

  it('does not count unknown or grown inputs', () => {
    expect(
      small(`const grows = ['a']; grows.push('b');
probe(items); probe(grows); probe(items.slice(0, n)); probe(items.slice(0, 100)); probe(Array.from({ length: n })); probe([...items]);`),
    ).toEqual([false, false, false, false, false, false]);
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
