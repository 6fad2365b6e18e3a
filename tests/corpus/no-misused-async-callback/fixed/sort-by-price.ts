import { priceOf } from './shared/payments.js';

export async function cheapestFirst(skus: string[]) {
  const prices = new Map(await Promise.all(skus.map(async (sku) => [sku, await priceOf(sku)] as const)));
  return [...skus].sort((a, b) => (prices.get(a) ?? 0) - (prices.get(b) ?? 0));
}
