/** Which function encloses a position, and what kind it is. */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { functionAt, functionSpans } from '../../../lib/runtime/function-spans.js';

const source = `import { readFileSync } from 'node:fs';
class Store {
  constructor() {
    this.ready = this.load();
  }
  async load() {
    return [1].map((n) => n + 1);
  }
  static async *stream() {
    yield 1;
  }
}
const handler = async () => readFileSync('a');
fetch('x').then(function onResponse(res) {
  return res;
}).catch((error) => console.log(error)).finally(() => 0);
new Promise((resolve) => resolve(1));
`;
const spans = functionSpans(ts, source, 'store.ts');
const kindAt = (line: number, text: string): string => {
  const column = (source.split('\n')[line - 1] ?? '').indexOf(text) + 1;
  expect(column, `"${text}" on line ${String(line)}`).toBeGreaterThan(0);
  return functionAt(spans, line, column);
};

describe('functionSpans / functionAt', () => {
  it('top level, constructors and sync methods', () => {
    expect(kindAt(1, 'readFileSync')).toBe('top-level');
    expect(kindAt(4, 'this.load')).toBe('sync');
  });

  it('async methods, async generators and async arrows', () => {
    expect(kindAt(7, 'return')).toBe('async');
    expect(kindAt(10, 'yield')).toBe('async');
    expect(kindAt(13, 'readFileSync')).toBe('async');
  });

  it('the innermost function wins: a sync arrow inside an async method is sync', () => {
    expect(kindAt(7, 'n + 1')).toBe('sync');
  });

  it('callbacks of then, catch and finally are promise callbacks; an executor is not', () => {
    expect(kindAt(15, 'return res')).toBe('promise-callback');
    expect(kindAt(16, 'console.log')).toBe('promise-callback');
    expect(kindAt(16, '=> 0')).toBe('promise-callback');
    expect(kindAt(17, 'resolve(1)')).toBe('sync');
  });

  it('positions past the end are top level', () => {
    expect(functionAt(spans, 999, 1)).toBe('top-level');
  });

  it('reads JavaScript too', () => {
    const js = functionSpans(ts, 'module.exports = async function () {\n  return 1;\n};\n', 'x.cjs');
    expect(functionAt(js, 2, 3)).toBe('async');
  });
});
