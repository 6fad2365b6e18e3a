/**
 * `node --import eslint-plugin-async-pitfalls/runtime/register app.js`: the
 * async debug mode for a whole process. Prints unhandled rejections with the
 * stack where the promise was created, blocking calls made inside async code,
 * and event-loop stalls over 100 ms. `ASYNC_PITFALLS_MODE=fail` also sets
 * `process.exitCode = 1` when any was found (stalls excepted).
 */
import { enableAsyncDebug } from './debug.js';

const debug = enableAsyncDebug({ mode: process.env.ASYNC_PITFALLS_MODE === 'fail' ? 'fail' : 'warn' });

if (debug.mode === 'fail') {
  process.on('exit', () => {
    const failing = debug.findings().filter((finding) => finding.fails);
    if (failing.length === 0) return;
    for (const finding of failing) process.stderr.write(`[async-pitfalls] ${finding.message}\n\n`);
    process.exitCode = 1;
  });
}
