// A small database client.
export interface Row {
  id: string;
  [column: string]: unknown;
}

export class Db {
  async query(sql: string): Promise<Row[]> {
    return sql ? [] : [];
  }
  async count(table: string): Promise<number> {
    return table.length;
  }
  async exists(table: string, id: string): Promise<boolean> {
    return table.length > 0 && id.length > 0;
  }
}

export const db = new Db();
