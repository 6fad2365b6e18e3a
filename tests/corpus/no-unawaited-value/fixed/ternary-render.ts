import { isAdmin } from '../shared/users.js';

export async function navigation(id: string): Promise<string[]> {
  return (await isAdmin(id)) ? ['home', 'admin'] : ['home'];
}
