import { loadUser } from './shared/db.js';

export async function participants(ids: string[]) {
  const names = await Promise.all(ids.map(async (id) => (await loadUser(id)).name));
  return `Participants: ${names.join(', ')}`;
}
