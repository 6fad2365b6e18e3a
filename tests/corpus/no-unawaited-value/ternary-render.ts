import { isAdmin } from './shared/users.js';

export function navigation(id: string): string[] {
  return isAdmin(id) ? ['home', 'admin'] : ['home']; // expect-unawaited
}
