import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

describe('parser', () => {
  it('parses the fixture', async () => {
    const input = readFileSync('fixtures/input.json', 'utf8');
    const parsed = await Promise.resolve(JSON.parse(input) as unknown);
    assert.ok(parsed);
  });
});
