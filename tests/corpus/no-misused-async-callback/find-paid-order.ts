import { riskScore } from './shared/payments.js';

export async function firstRiskyOrder(orderIds: string[]) {
  return orderIds.find(async (id) => (await riskScore(id)) > 7); // expect-misused
}
