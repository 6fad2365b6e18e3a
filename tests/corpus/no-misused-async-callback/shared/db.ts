// A small database facade, like the ones services wrap around pg or mysql2.
export interface Row {
  id: string;
  [column: string]: unknown;
}

export class Database {
  async query(sql: string, params: unknown[] = []): Promise<Row[]> {
    if (sql.length === 0) throw new Error('empty query');
    return params.map((param, index) => ({ id: `${String(index)}:${String(param)}` }));
  }

  async insert(table: string, row: Row): Promise<void> {
    await this.query(`insert into ${table}`, [row.id]);
  }

  async remove(table: string, id: string): Promise<void> {
    await this.query(`delete from ${table} where id = $1`, [id]);
  }

  async exists(table: string, id: string): Promise<boolean> {
    const rows = await this.query(`select 1 from ${table} where id = $1`, [id]);
    return rows.length > 0;
  }

  async connect(): Promise<void> {}

  async close(): Promise<void> {}
}

export const db = new Database();

export async function loadUser(id: string): Promise<{ id: string; name: string; email: string; role: string }> {
  const [row] = await db.query('select * from users where id = $1', [id]);
  return { id: row?.id ?? id, name: `user ${id}`, email: `${id}@example.com`, role: 'member' };
}

export async function canAccess(userId: string, resource: string): Promise<boolean> {
  return db.exists(`acl_${resource}`, userId);
}
