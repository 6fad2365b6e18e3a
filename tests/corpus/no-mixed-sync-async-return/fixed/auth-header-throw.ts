import { loadUser, type User } from '../shared/store.js';

export async function authenticate(headers: Record<string, string | undefined>): Promise<User> {
  const header = headers['authorization'];
  if (!header?.startsWith('Bearer ')) {
    throw new Error('missing bearer token');
  }
  return loadUser(header.slice('Bearer '.length));
}
