import { priceOf } from './shared/payments.js';

export async function cheapestFirst(skus: string[]) {
  return [...skus].sort(async (a, b) => (await priceOf(a)) - (await priceOf(b))); // expect-misused
}
