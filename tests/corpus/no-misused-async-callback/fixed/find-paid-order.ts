import { riskScore } from './shared/payments.js';

export async function firstRiskyOrder(orderIds: string[]) {
  for (const id of orderIds) {
    if ((await riskScore(id)) > 7) return id;
  }
  return undefined;
}
