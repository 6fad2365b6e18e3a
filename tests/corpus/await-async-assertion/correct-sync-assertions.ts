// Synchronous assertions, some of them about promises: nothing to wait for.
import { describe, expect, it } from 'vitest';
import { Job, repo } from './shared/app.js';

describe('sync', () => {
  it('returns a promise', () => {
    const pending = repo.find('u1');
    expect(pending).toBeInstanceOf(Promise);
    return pending;
  });

  it('throws synchronously', () => {
    expect(() => JSON.parse('{')).toThrow(SyntaxError);
  });

  it('starts queued', () => {
    expect(new Job().status).toBe('queued');
  });

  it('checks the awaited value', async () => {
    const user = await repo.find('u1');
    expect(user).toEqual({ id: 'u1', name: 'Ada' });
  });
});
