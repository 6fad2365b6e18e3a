import { priceOf } from './shared/payments.js';

export async function priceList(skus: string[]) {
  const lines = skus.map(async (sku) => `${sku}: ${await priceOf(sku)}`); // expect-misused
  return lines.join('\n');
}
