import { db } from './shared/db.js';

export async function deleteAll(ids: string[]) {
  ids.forEach((id) => db.remove('tokens', id)); // expect-misused
  return { deleted: ids.length };
}
