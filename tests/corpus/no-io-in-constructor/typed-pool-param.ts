import type { Pool } from './shared/db.js';

export class Reporter {
  readonly rows: Promise<{ total: number }[]>;

  constructor(pool: Pool) {
    this.rows = pool.query<{ total: number }>('select count(*) as total from orders'); // expect-report
  }
}
