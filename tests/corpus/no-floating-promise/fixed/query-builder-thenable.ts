// A knex-style delete that is built and never awaited: the builder only runs
// its query in `then`, so expired sessions are never purged at all.
import { knex } from '../shared/query.js';

interface SessionRow {
  id: string;
  userId: string;
  expiresAt: number;
}

export async function purgeExpiredSessions(now = Date.now()): Promise<void> {
  await knex<SessionRow>('sessions').where('expiresAt', '<', now).del();
  console.info('expired sessions purged');
}
