import { db } from './shared/db.js';

export async function purgeSessions(expired: string[]) {
  // Looks awaited; forEach returns undefined, so this waits for nothing.
  await expired.forEach(async (sessionId) => { // expect-misused
    await db.remove('sessions', sessionId);
  });
  return 'purged';
}
