// A parametrised test whose assertion is dropped for every case.
import { describe, expect, it } from 'vitest';
import { parseConfig } from './shared/app.js';

describe('parseConfig', () => {
  it.each([
    ['a=1', { a: '1' }],
    ['b=2', { b: '2' }],
  ])('parses %s', (line, expected) => {
    expect(parseConfig(line)).resolves.toEqual(expected); // expect-report
  });
});
