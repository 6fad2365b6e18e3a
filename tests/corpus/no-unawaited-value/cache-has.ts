import { Cache } from './shared/cache.js';

const cache = new Cache<string>();

export async function render(key: string, compute: () => string): Promise<string> {
  if (!cache.has(key)) { // expect-unawaited
    await cache.set(key, compute());
  }
  return (await cache.get(key)) ?? '';
}
