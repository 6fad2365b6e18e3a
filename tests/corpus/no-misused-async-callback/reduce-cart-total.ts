import { priceOf } from './shared/payments.js';

export async function cartTotal(skus: string[]): Promise<number> {
  // The accumulator is a promise from the second item on: "[object Promise]100".
  return skus.reduce<Promise<number>>(async (total, sku) => { // expect-misused
    const price = await priceOf(sku);
    return (total as unknown as number) + price;
  }, Promise.resolve(0));
}
