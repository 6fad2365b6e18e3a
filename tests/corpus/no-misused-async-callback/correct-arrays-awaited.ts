// Arrays of promises that are awaited, returned or passed on.
import { loadUser, db } from './shared/db.js';
import { priceOf } from './shared/payments.js';

export async function team(ids: string[]) {
  const users = await Promise.all(ids.map(async (id) => loadUser(id)));
  const settled = await Promise.allSettled(ids.map((id) => db.exists('users', id)));
  return { users, settled };
}

export function loadAll(ids: string[]) {
  return ids.map((id) => loadUser(id));
}

export async function sequential(ids: string[]) {
  const pending = ids.map((id) => loadUser(id));
  for (const user of pending) {
    console.log((await user).name);
  }
}

export async function total(skus: string[]) {
  const prices = await Promise.all(skus.map(priceOf));
  return prices.reduce((sum, price) => sum + price, 0);
}

export async function inOrder(skus: string[]) {
  return skus.reduce(async (previous, sku) => (await previous) + (await priceOf(sku)), Promise.resolve(0));
}

export function chain(ids: string[]) {
  return ids.reduce((previous, id) => previous.then(() => db.remove('users', id)), Promise.resolve());
}

export async function count(ids: string[]) {
  const pending = ids.map((id) => loadUser(id));
  console.log(`loading ${pending.length} users`);
  return Promise.all(pending);
}
