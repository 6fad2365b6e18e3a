import { refresh } from './shared/cache.js';

const ttl = new Map<string, number>([['users', 60], ['orders', 30]]);

export async function refreshAll() {
  for (const key of ttl.keys()) {
    await refresh(key);
  }
}
