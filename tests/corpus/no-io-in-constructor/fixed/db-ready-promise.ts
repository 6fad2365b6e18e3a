import { Pool } from '../shared/db.js';

export class UserRepository {
  private constructor(private readonly pool: Pool) {}

  static async connect(url: string): Promise<UserRepository> {
    const pool = new Pool(url);
    await pool.connect();
    return new UserRepository(pool);
  }

  findAll() {
    return this.pool.query<{ id: string }>('select id from users');
  }
}
