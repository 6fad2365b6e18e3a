import { EventEmitter } from 'node:events';
import { Pool } from '../shared/db.js';

export class OrderProjector {
  private readonly onPlaced = (id: string) => {
    this.pool.query(`insert into orders_view values ('${id}')`).catch((error: unknown) => console.error(error));
  };

  constructor(private readonly bus: EventEmitter, private readonly pool: Pool) {
    bus.on('order-placed', this.onPlaced);
  }

  dispose() {
    this.bus.off('order-placed', this.onPlaced);
  }
}
