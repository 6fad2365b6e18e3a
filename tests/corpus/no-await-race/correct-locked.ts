// Read-modify-write serialised by a mutex (async-mutex's runExclusive, a
// semaphore's acquire/release): no other caller runs in between.
import { fetchCount } from './shared/services.js';

interface Mutex {
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  acquire(): Promise<() => void>;
}

export class GuardedStats {
  private total = 0;
  private snapshot = 0;

  constructor(private readonly mutex: Mutex) {}

  add(source: string): Promise<void> {
    return this.mutex.runExclusive(async () => {
      this.total += await fetchCount(source);
    });
  }

  async recount(source: string): Promise<void> {
    const release = await this.mutex.acquire();
    try {
      const before = this.snapshot;
      const count = await fetchCount(source);
      this.snapshot = before + count;
    } finally {
      release();
    }
  }
}
