import { Pool } from './shared/db.js';

export class Migrator {
  private applied: string[] = [];

  constructor(private readonly pool: Pool) {
    (async () => { // expect-report
      this.applied = (await this.pool.query<{ name: string }>('select name from migrations')).map((row) => row.name);
    })();
  }

  isApplied(name: string) {
    return this.applied.includes(name);
  }
}
