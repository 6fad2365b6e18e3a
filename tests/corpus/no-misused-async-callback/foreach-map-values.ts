import { refresh } from './shared/cache.js';

const ttl = new Map<string, number>([['users', 60], ['orders', 30]]);

export async function refreshAll() {
  ttl.forEach(async (_seconds, key) => { // expect-misused
    await refresh(key);
  });
}
