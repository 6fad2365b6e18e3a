// Values returned inside callbacks belong to the callbacks; throws inside an
// executor or a then-callback become rejections.
import { loadUser, type User } from './shared/store.js';

export function displayName(id: string): Promise<string> {
  return loadUser(id).then((user) => {
    if (!user.name) throw new Error('nameless user');
    return user.name;
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (ms < 0) throw new RangeError('negative delay');
    setTimeout(resolve, ms);
  });
}

export function names(users: readonly User[]): string[] {
  return users.map((u) => {
    if (!u.name) return 'anonymous';
    return u.name;
  });
}
