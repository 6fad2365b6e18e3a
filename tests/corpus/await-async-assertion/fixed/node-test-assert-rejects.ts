import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../shared/app.js';

test('rejects a line without =', async () => {
  await assert.rejects(parseConfig('nonsense'), SyntaxError);
});
