// `node:test` registers tests and reports their failures itself: calling
// `test()` / `it()` without awaiting them is how the API is meant to be used.
import assert from 'node:assert/strict';
import test, { after, before, describe, it } from 'node:test';

function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s|m)$/.exec(text);
  if (!match) throw new SyntaxError(`bad duration ${text}`);
  const value = Number(match[1]);
  return match[2] === 'm' ? value * 60_000 : match[2] === 's' ? value * 1000 : value;
}

test('parses seconds', () => {
  assert.equal(parseDuration('3s'), 3000);
});

test('rejects garbage', async () => {
  await assert.rejects(async () => parseDuration('soon'), SyntaxError);
});

describe('cache', () => {
  const store = new Map<string, string>();

  before(async () => {
    store.set('a', '1');
  });

  after(() => {
    store.clear();
  });

  it('reads what was written', async (t) => {
    await t.test('hit', () => {
      assert.equal(store.get('a'), '1');
    });
  });
});
