import { EventEmitter } from 'node:events';
import { charge } from './shared/payments.js';

export const checkout = new EventEmitter();

checkout.once('submitted', async (orderId: string, amount: number) => { // expect-misused
  const chargeId = await charge(orderId, amount);
  checkout.emit('charged', chargeId);
});
