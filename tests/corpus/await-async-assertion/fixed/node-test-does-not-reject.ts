import assert from 'node:assert';
import { describe, it } from 'node:test';
import { repo } from '../shared/app.js';

describe('repo.save', () => {
  it('accepts a plain user', async () => {
    const user = { name: 'Grace' };
    await assert.doesNotReject(repo.save(user));
    assert.equal(user.name, 'Grace');
  });
});
