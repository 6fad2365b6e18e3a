// Choosing between promises passes a promise on; nothing tests its value.
import { getUser, type User } from './shared/users.js';

export function userFor(id: string, useCache: boolean, cached?: Promise<User>): Promise<User> {
  const fromCache = useCache && cached;
  return (fromCache || getUser(id)).then((user) => user);
}

export function either(id: string, fast: boolean): Promise<User> {
  return fast ? getUser(id) : getUser(id.toLowerCase());
}

export function timeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}
