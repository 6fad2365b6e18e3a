import { db } from '../shared/db.js';

export async function createUser(id: string): Promise<string> {
  if (await db.exists('users', id)) {
    return 'already there';
  }
  const rows = await db.query(`insert into users values ('${id}')`);
  return `inserted ${String(rows.length)}`;
}
