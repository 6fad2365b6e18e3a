import { describe, expect, it } from 'vitest';
import { parseConfig } from '../shared/app.js';

describe('parseConfig', () => {
  it.each([
    ['a=1', { a: '1' }],
    ['b=2', { b: '2' }],
  ])('parses %s', async (line, expected) => {
    await expect(parseConfig(line)).resolves.toEqual(expected);
  });
});
