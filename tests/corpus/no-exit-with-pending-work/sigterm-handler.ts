// Graceful shutdown that is not: the handler awaits the pool, then exits
// while in-flight requests are still being answered.
import { db, server } from './shared/tasks.js';

process.on('SIGTERM', async () => {
  server.close();
  await db.end();
  process.exit(0); // expect-report
});
