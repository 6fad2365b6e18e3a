export async function withRetry<T>(task: () => Promise<T>, retries = 3): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    try {
      return await task();
    } catch (error) {
      lastError = error;
      const waitUntil = Date.now() + 2 ** attempt * 100;
      while (Date.now() < waitUntil) { // expect-report
        // back off
      }
    }
  }
  throw lastError;
}
