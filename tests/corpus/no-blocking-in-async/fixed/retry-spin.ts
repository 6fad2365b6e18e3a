import { setTimeout as sleep } from 'node:timers/promises';

export async function withRetry<T>(task: () => Promise<T>, retries = 3): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    try {
      return await task();
    } catch (error) {
      lastError = error;
      await sleep(2 ** attempt * 100);
    }
  }
  throw lastError;
}
