// A helper that throws synchronously but is only ever called from inside a
// promise callback, where the throw becomes a rejection of the chain.
import { insert, loadUser, type User } from './shared/store.js';

function saveProfile(user: User) {
  if (!user.name) throw new Error('a profile needs a name');
  return insert('profiles', user);
}

export function register(id: string): Promise<{ id: string }> {
  return loadUser(id).then((user) => saveProfile(user));
}
