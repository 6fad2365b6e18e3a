import assert from 'node:assert';
import { fetchUser } from '../shared/app.js';

describe('fetchUser', function () {
  it('returns the name', async function () {
    const user = await fetchUser(1);
    assert.equal(user.name, 'Ada');
  });
});
