import { loadUser, type User } from '../shared/store.js';

const cache = new Map<string, User>();

export async function getUser(id: string): Promise<User> {
  const hit = cache.get(id);
  if (hit) return hit;
  const user = await loadUser(id);
  cache.set(id, user);
  return user;
}
