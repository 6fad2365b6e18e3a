import { Pool } from './shared/db.js';

export class Inventory {
  private constructor(
    private readonly pool: Pool,
    readonly skus: string[],
  ) {}

  static async open(url: string): Promise<Inventory> {
    const pool = new Pool(url);
    await pool.connect();
    const rows = await pool.query<{ sku: string }>('select sku from items');
    return new Inventory(pool, rows.map((row) => row.sku));
  }

  async close() {
    await this.pool.end();
  }
}
