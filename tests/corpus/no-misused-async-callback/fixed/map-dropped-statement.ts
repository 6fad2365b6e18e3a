import { db } from './shared/db.js';

export async function archive(ids: string[]) {
  await Promise.all(ids.map(async (id) => db.insert('archive', { id })));
  await db.query('vacuum');
}
