import { priceOf } from './shared/payments.js';

export async function priceList(skus: string[]) {
  const lines = await Promise.all(skus.map(async (sku) => `${sku}: ${await priceOf(sku)}`));
  return lines.join('\n');
}
