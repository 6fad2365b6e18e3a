import { getDisplayName } from './shared/users.js';

export async function welcomeBanner(id: string): Promise<string> {
  const name = getDisplayName(id);
  return `Welcome back, ${name}!`; // expect-unawaited
}

export function subject(id: string): string {
  return 'Your order, ' + getDisplayName(id); // expect-unawaited
}
