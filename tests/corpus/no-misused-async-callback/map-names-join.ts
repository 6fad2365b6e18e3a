import { loadUser } from './shared/db.js';

export async function participants(ids: string[]) {
  const names = ids.map(async (id) => (await loadUser(id)).name); // expect-misused
  return `Participants: ${names.join(', ')}`;
}
