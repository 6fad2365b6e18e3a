// A cache with async refresh.
const entries = new Map<string, string>();

export async function refresh(key: string): Promise<void> {
  if (key === '') throw new Error('empty cache key');
  entries.set(key, new Date().toISOString());
}

export async function warm(): Promise<void> {
  await refresh('config');
}

export async function flushMetrics(): Promise<void> {}
