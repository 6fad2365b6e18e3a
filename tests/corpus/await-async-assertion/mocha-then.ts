// mocha with node:assert: the assertion runs after mocha moved on.
import assert from 'node:assert';
import { fetchUser } from './shared/app.js';

describe('fetchUser', function () {
  it('returns the name', function () {
    fetchUser(1).then((user) => assert.equal(user.name, 'Ada')); // expect-report
  });
});
