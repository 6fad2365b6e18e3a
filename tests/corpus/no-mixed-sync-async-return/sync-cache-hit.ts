// Memoised lookup that returns the cached user directly and a promise on a
// miss: `getUser(id).then(...)` throws "then is not a function" on a hit.
import { loadUser, type User } from './shared/store.js';

const cache = new Map<string, User>();

export function getUser(id: string): User | Promise<User> { // expect-report
  const hit = cache.get(id);
  if (hit) return hit;
  return loadUser(id).then((user) => {
    cache.set(id, user);
    return user;
  });
}
