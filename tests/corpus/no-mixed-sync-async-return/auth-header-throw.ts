// Middleware helper: a missing header throws synchronously, a bad token
// rejects; the caller's `.catch(() => res.status(401))` misses the first.
import { loadUser, type User } from './shared/store.js';

export function authenticate(headers: Record<string, string | undefined>): Promise<User> {
  const header = headers['authorization'];
  if (!header?.startsWith('Bearer ')) {
    throw new Error('missing bearer token'); // expect-report
  }
  return loadUser(header.slice('Bearer '.length));
}
