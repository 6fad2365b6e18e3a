// Callees declared to take promise-returning callbacks may wait for them.
import { db } from './shared/db.js';

async function withTransaction<T>(work: () => Promise<T>): Promise<T> {
  await db.query('begin');
  try {
    const result = await work();
    await db.query('commit');
    return result;
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

async function retry(task: () => Promise<void>, attempts = 3): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    try {
      return await task();
    } catch {
      // try again
    }
  }
}

export async function transfer(from: string, to: string) {
  await withTransaction(async () => {
    await db.remove('accounts', from);
    await db.insert('accounts', { id: to });
  });
  await retry(async () => db.connect());
}

export const handlers: Record<string, () => Promise<void>> = {
  reset: async () => db.query('truncate sessions').then(() => undefined),
};
