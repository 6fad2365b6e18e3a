// async functions: their values and throws all become the promise's outcome.
import { loadUser, remove } from './shared/store.js';

export async function name(id: string): Promise<string> {
  if (!id) return 'anonymous';
  if (id.includes('/')) throw new Error('bad id');
  return (await loadUser(id)).name;
}

export const drop = async (id: string): Promise<boolean> => {
  if (!id) return false;
  await remove('items', id);
  return true;
};
