import { db } from './shared/db.js';

export async function registerSkus(skus: string[]) {
  if (skus.some(async (sku) => db.exists('products', sku))) { // expect-misused
    throw new Error('duplicate sku');
  }
  for (const sku of skus) await db.insert('products', { id: sku });
}
