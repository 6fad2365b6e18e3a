// A fixed number of promises: a literal list, a literal array mapped, a tuple
// of a few calls.
import { findUsers, processOrder } from './shared/db.js';

export async function dashboard(): Promise<unknown[]> {
  const [active, inactive] = await Promise.all([findUsers({ active: true }), findUsers({ active: false })]);
  const regions = await Promise.all(['eu', 'us', 'ap'].map(async (region) => fetch(`https://${region}.example.com/health`)));
  return [active, inactive, regions];
}

export async function replay(): Promise<void> {
  const ids = ['a', 'b', 'c'] as const;
  await Promise.all(ids.map((id) => processOrder(id)));
}
