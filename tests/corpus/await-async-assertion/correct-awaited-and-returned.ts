// Every promise assertion awaited, returned, or the concise body of the test.
import { describe, expect, it, vi } from 'vitest';
import { api, Job, parseConfig, repo } from './shared/app.js';

describe('awaited', () => {
  it('awaits rejects', async () => {
    await expect(api.getUser('nope')).rejects.toThrow('404');
  });

  it('returns resolves', () => {
    return expect(parseConfig('a=1')).resolves.toEqual({ a: '1' });
  });

  it('concise body', () => expect(repo.find('u1')).resolves.toBeDefined());

  it('awaits the poll', async () => {
    const job = new Job();
    job.start();
    await expect.poll(() => job.status).toBe('done');
    await vi.waitFor(() => {
      expect(job.status).toBe('done');
    });
  });

  it('collects the checks and awaits them together', async () => {
    await Promise.all([
      expect(parseConfig('a=1')).resolves.toEqual({ a: '1' }),
      expect(parseConfig('b')).rejects.toThrow(SyntaxError),
    ]);
  });

  it('returns the chain', () => {
    return repo.save({ name: 'Ada' }).then((saved) => {
      expect(saved.id).toBe('u1');
    });
  });
});
