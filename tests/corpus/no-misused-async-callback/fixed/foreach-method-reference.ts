import { refund } from './shared/payments.js';

export async function refundAll(chargeIds: string[]) {
  await Promise.all(chargeIds.map(refund));
  return chargeIds.length;
}
