import { db } from './shared/db.js';

export async function deleteAll(ids: string[]) {
  await Promise.all(ids.map((id) => db.remove('tokens', id)));
  return { deleted: ids.length };
}
