import { EventEmitter } from 'node:events';
import { Pool } from './shared/db.js';

export class OrderProjector {
  constructor(bus: EventEmitter, private readonly pool: Pool) {
    bus.on('order-placed', async (id: string) => { // expect-report
      await this.pool.query(`insert into orders_view values ('${id}')`);
    });
  }
}
