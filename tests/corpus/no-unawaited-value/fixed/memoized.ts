import { memoize } from '../shared/auth.js';
import { getUser } from '../shared/users.js';

const cachedUser = memoize(getUser);

export async function emailOf(id: string): Promise<string> {
  return (await cachedUser(id)).email;
}
