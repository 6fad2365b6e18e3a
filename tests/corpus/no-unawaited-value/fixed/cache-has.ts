import { Cache } from '../shared/cache.js';

const cache = new Cache<string>();

export async function render(key: string, compute: () => string): Promise<string> {
  if (!(await cache.has(key))) {
    await cache.set(key, compute());
  }
  return (await cache.get(key)) ?? '';
}
