// Promise callbacks are waited for by the chain; node:test waits for async tests.
import { test } from 'node:test';
import { loadUser, db } from './shared/db.js';

export function profile(id: string) {
  return loadUser(id)
    .then(async (user) => ({ ...user, active: await db.exists('active', user.id) }))
    .catch(async (error: unknown) => {
      await db.insert('errors', { id, message: String(error) });
      throw error;
    })
    .finally(async () => db.close());
}

test('loads a user', async () => {
  const user = await loadUser('a');
  if (user.id !== 'a') throw new Error('wrong user');
});
