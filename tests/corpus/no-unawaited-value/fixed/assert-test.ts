import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countRows, isHealthy } from '../shared/validation.js';

test('service is healthy', async () => {
  assert.ok(await isHealthy('https://api.example.com'));
  assert.equal(await countRows('users'), 3);
});
