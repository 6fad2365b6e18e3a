import { Pool } from '../shared/db.js';

export class Migrator {
  private constructor(private readonly applied: string[]) {}

  static async create(pool: Pool): Promise<Migrator> {
    const rows = await pool.query<{ name: string }>('select name from migrations');
    return new Migrator(rows.map((row) => row.name));
  }

  isApplied(name: string) {
    return this.applied.includes(name);
  }
}
