// vitest collects `describe` / `it` / hooks synchronously; async bodies are
// awaited by the runner, and every assertion on a promise is awaited here.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

class RateLimiter {
  private used = 0;

  constructor(private readonly limit: number) {}

  async take(): Promise<void> {
    if (this.used >= this.limit) throw new Error('rate limited');
    this.used++;
  }
}

describe('RateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('rejects once the limit is used up', async () => {
    const limiter = new RateLimiter(2);
    await limiter.take();
    await limiter.take();
    await expect(limiter.take()).rejects.toThrow('rate limited');
  });

  it.each([1, 2, 3])('allows %i takes', async (limit) => {
    const limiter = new RateLimiter(limit);
    for (let i = 0; i < limit; i++) await limiter.take();
    await expect(limiter.take()).rejects.toThrow();
  });
});
