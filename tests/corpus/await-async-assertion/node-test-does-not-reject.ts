// doesNotReject in an async test, not awaited: a rejection surfaces after the
// test has passed, as an unhandled rejection.
import assert from 'node:assert';
import { describe, it } from 'node:test';
import { repo } from './shared/app.js';

describe('repo.save', () => {
  it('accepts a plain user', async () => {
    const user = { name: 'Grace' };
    assert.doesNotReject(repo.save(user)); // expect-report
    assert.equal(user.name, 'Grace');
  });
});
