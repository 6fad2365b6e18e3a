import { Pool } from './shared/db.js';

export class UserRepository {
  private readonly pool: Pool;
  readonly ready: Promise<void>;

  constructor(url: string) {
    this.pool = new Pool(url);
    this.ready = this.pool.connect(); // expect-report
  }

  findAll() {
    return this.pool.query<{ id: string }>('select id from users');
  }
}
