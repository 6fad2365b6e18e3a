import { db } from './shared/db.js';
import { flushMetrics } from './shared/cache.js';

process.on('SIGTERM', () => {
  Promise.all([flushMetrics(), db.close()])
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error('shutdown failed', error);
      process.exit(1);
    });
});
