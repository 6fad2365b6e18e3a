import type { Pool } from '../shared/db.js';

export class Reporter {
  private constructor(readonly rows: { total: number }[]) {}

  static async create(pool: Pool): Promise<Reporter> {
    return new Reporter(await pool.query<{ total: number }>('select count(*) as total from orders'));
  }
}
