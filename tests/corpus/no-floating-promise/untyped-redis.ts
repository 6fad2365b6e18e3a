// A Redis client from a package without types (`any` everywhere): the warm-up
// chain has no rejection handler, so a Redis outage at boot crashes the app.
import redis from 'legacy-redis';

export function warmCache(keys: readonly string[]): void {
  redis.mget(keys).then((values: unknown[]) => { // expect-floating
    const hits = values.filter((value) => value !== null).length;
    console.info(`cache warm-up: ${hits}/${keys.length} keys present`);
  });
}
