/** An async key-value cache with a TTL, shaped like the usual Redis-backed wrappers. */
interface Entry<V> {
  value: V;
  expiresAt: number;
}

export class Cache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(private readonly ttlMs: number) {}

  async get(key: string): Promise<V | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: V): Promise<void> {
    this.entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
  }

  async delete(key: string): Promise<boolean> {
    return this.entries.delete(key);
  }
}
