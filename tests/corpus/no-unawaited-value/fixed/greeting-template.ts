import { getDisplayName } from '../shared/users.js';

export async function welcomeBanner(id: string): Promise<string> {
  const name = getDisplayName(id);
  return `Welcome back, ${await name}!`;
}

export async function subject(id: string): Promise<string> {
  return 'Your order, ' + (await getDisplayName(id));
}
