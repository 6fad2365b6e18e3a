import { EventEmitter } from 'node:events';
import { charge } from './shared/payments.js';

export const checkout = new EventEmitter();

checkout.once('submitted', (orderId: string, amount: number) => {
  charge(orderId, amount)
    .then((chargeId) => checkout.emit('charged', chargeId))
    .catch((error: unknown) => checkout.emit('error', error));
});
