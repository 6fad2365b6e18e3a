// The test returns before the rejection is checked: it passes even when
// getUser resolves, and the failure (if any) lands in a later test.
import { describe, expect, it } from 'vitest';
import { api } from './shared/app.js';

describe('api.getUser', () => {
  it('rejects unknown ids', () => {
    expect(api.getUser('nope')).rejects.toThrow('404'); // expect-report
  });
});
