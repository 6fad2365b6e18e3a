// A remote cache (think Redis): reads are async and may find nothing.
export class Cache<T> {
  private readonly store = new Map<string, T>();
  async get(key: string): Promise<T | undefined> {
    return this.store.get(key);
  }
  async has(key: string): Promise<boolean> {
    return this.store.has(key);
  }
  async set(key: string, value: T): Promise<void> {
    this.store.set(key, value);
  }
}
