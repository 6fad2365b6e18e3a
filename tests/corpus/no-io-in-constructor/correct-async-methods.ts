import { Pool } from './shared/db.js';

export class Mailer {
  private readonly pool: Pool;

  constructor(url: string) {
    this.pool = new Pool(url);
  }

  async send(to: string, subject: string) {
    await this.pool.connect();
    await this.pool.query(`insert into outbox values ('${to}', '${subject}')`);
  }
}
