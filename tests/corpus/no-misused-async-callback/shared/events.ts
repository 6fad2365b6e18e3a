// Domain events on top of node:events, as many services do it.
import { EventEmitter } from 'node:events';

export interface Order {
  id: string;
  total: number;
  email: string;
}

export class OrderEvents extends EventEmitter {
  created(order: Order): void {
    this.emit('created', order);
  }
}

export const orderEvents = new OrderEvents();

/** Emits with rejections routed to 'error': async listeners are safe here. */
export const safeEvents = new EventEmitter({ captureRejections: true });
