// node:test: awaited subtests and assertions, and the context's plan.
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { api, parseConfig } from './shared/app.js';

test('api', async (t) => {
  await t.test('getUser', async () => {
    assert.equal((await api.getUser('1')).name, 'Ada');
  });
  await assert.rejects(api.getUser('nope'), /404/);
});

describe('parseConfig', () => {
  it('rejects garbage', async () => {
    await assert.rejects(() => parseConfig('x'), SyntaxError);
    await assert.doesNotReject(parseConfig('a=b'));
  });
});
