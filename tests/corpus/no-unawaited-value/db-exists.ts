import { db } from './shared/db.js';

export async function createUser(id: string): Promise<string> {
  if (db.exists('users', id)) { // expect-unawaited
    return 'already there';
  }
  const rows = db.query(`insert into users values ('${id}')`);
  return `inserted ${String(rows.length)}`; // expect-unawaited
}
