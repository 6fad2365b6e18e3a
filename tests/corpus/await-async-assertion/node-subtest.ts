// node:test subtests must be awaited: the parent finishes first and the
// subtest is cancelled ("test did not finish before its parent").
import assert from 'node:assert';
import { test } from 'node:test';
import { api } from './shared/app.js';

test('api', async (t) => {
  t.test('getUser returns Ada', async () => { // expect-report
    const user = await api.getUser('1');
    assert.equal(user.name, 'Ada');
  });
});
