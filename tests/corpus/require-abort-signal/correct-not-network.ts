// Calls named like network calls that are not: a cache's fetch, a data
// loader's request, a local helper.
interface Cache<T> {
  fetch(key: string, load: () => T): T;
}

const loader = {
  request(key: string): string {
    return key.toUpperCase();
  },
};

function fetchUser(id: string): { id: string } {
  return { id };
}

export function lookups(cache: Cache<number>): string[] {
  const n = cache.fetch('answer', () => 42);
  const key = loader.request('k');
  const user = fetchUser('1');
  return [String(n), key, user.id];
}
