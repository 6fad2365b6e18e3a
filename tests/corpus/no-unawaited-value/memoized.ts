import { memoize } from './shared/auth.js';
import { getUser } from './shared/users.js';

const cachedUser = memoize(getUser);

export async function emailOf(id: string): Promise<string> {
  return cachedUser(id).email; // expect-unawaited typed-only
}
