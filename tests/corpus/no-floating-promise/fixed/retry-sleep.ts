// A retry helper whose back-off never waits: all attempts hammer the failing
// service back to back.
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function withRetry<T>(operation: () => Promise<T>, attempts = 5, baseDelayMs = 100): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await operation();
    } catch (error) {
      lastError = error;
      await sleep(baseDelayMs * 2 ** attempt);
    }
  }
  throw lastError;
}
