import assert from 'node:assert';
import { test } from 'node:test';
import { api } from '../shared/app.js';

test('api', async (t) => {
  await t.test('getUser returns Ada', async () => {
    const user = await api.getUser('1');
    assert.equal(user.name, 'Ada');
  });
});
