// Every path returns a promise: Promise.resolve for the cached value,
// Promise.reject instead of a throw, a ternary of two promises.
import { loadUser, type User } from './shared/store.js';

const cache = new Map<string, User>();

export function getUser(id: string): Promise<User> {
  const hit = cache.get(id);
  if (hit) return Promise.resolve(hit);
  if (id === '') return Promise.reject(new Error('empty id'));
  return loadUser(id);
}

export function either(primary: boolean): Promise<User> {
  return primary ? loadUser('primary') : Promise.resolve({ id: 'guest', name: 'Guest', isAdmin: false });
}
