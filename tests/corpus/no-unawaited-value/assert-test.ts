import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countRows, isHealthy } from './shared/validation.js';

test('service is healthy', async () => {
  assert.ok(isHealthy('https://api.example.com')); // expect-unawaited
  assert.equal(countRows('users'), 3); // expect-unawaited
});
