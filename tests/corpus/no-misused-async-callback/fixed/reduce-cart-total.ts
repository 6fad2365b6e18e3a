import { priceOf } from './shared/payments.js';

export async function cartTotal(skus: string[]): Promise<number> {
  return skus.reduce<Promise<number>>(async (total, sku) => {
    const price = await priceOf(sku);
    return (await total) + price;
  }, Promise.resolve(0));
}
