import { db } from './shared/db.js';
import { flushMetrics } from './shared/cache.js';

process.on('SIGTERM', async () => { // expect-misused
  await flushMetrics();
  await db.close();
  process.exit(0);
});
