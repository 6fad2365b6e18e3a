import { db } from './shared/db.js';

export async function purgeSessions(expired: string[]) {
  await Promise.all(expired.map(async (sessionId) => {
    await db.remove('sessions', sessionId);
  }));
  return 'purged';
}
