import { db } from './shared/db.js';

export async function registerSkus(skus: string[]) {
  const existing = await Promise.all(skus.map((sku) => db.exists('products', sku)));
  if (existing.some(Boolean)) {
    throw new Error('duplicate sku');
  }
  for (const sku of skus) await db.insert('products', { id: sku });
}
