import { db } from './shared/db.js';

export async function archive(ids: string[]) {
  ids.map(async (id) => db.insert('archive', { id })); // expect-misused
  await db.query('vacuum');
}
