// Migration script: exits from the promise callback, while the pool's
// sockets and the log stream still have work queued.
import { runMigrations } from './shared/tasks.js';

runMigrations().then((count) => {
  console.log(`${String(count)} migrations applied`);
  process.exit(0); // expect-report
}, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
