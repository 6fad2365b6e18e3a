// node:test with node:assert: assert.rejects returns a promise; without it
// the test is green whatever parseConfig does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from './shared/app.js';

test('rejects a line without =', () => {
  assert.rejects(parseConfig('nonsense'), SyntaxError); // expect-report
});
