/**
 * Vitest `setupFiles` entry: the async debug mode around every test.
 *
 *     // vitest.config.ts
 *     export default defineConfig({ test: { setupFiles: ['eslint-plugin-async-pitfalls/runtime/vitest'] } });
 *
 * `ASYNC_PITFALLS_MODE=fail` fails a test that leaves an unhandled rejection,
 * makes a blocking call in async code or ends with work still pending; the
 * default, `warn`, prints them. Findings made after their test ended (a promise
 * it started settling later) fail the test running at that moment, naming the
 * test they came from. For other options, call `enableAsyncDebug` from a setup
 * file of your own before these hooks run, or write the three hooks yourself.
 */
import { afterAll, afterEach, beforeEach } from 'vitest';
import { enableAsyncDebug, formatFindings, type Finding } from './debug.js';

// Loading the test files stalls the loop by nature: stalls count inside tests only.
const debug = enableAsyncDebug({ mode: process.env.ASYNC_PITFALLS_MODE === 'fail' ? 'fail' : 'warn', stallsOutsideTests: false });

function failOn(findings: readonly Finding[]): void {
  const failing = findings.filter((finding) => finding.fails);
  if (debug.mode === 'fail' && failing.length > 0) throw new Error(formatFindings(failing));
}

beforeEach((context) => {
  failOn(debug.takeOrphans());
  debug.beginTest(context.task.name);
});

afterEach(async () => {
  // Node reports a rejection as unhandled only once the microtask queue has drained: let that happen inside this test.
  await new Promise((resolve) => setImmediate(resolve));
  failOn([...debug.endTest(), ...debug.takeOrphans()]);
});

afterAll(() => {
  failOn(debug.takeOrphans());
});
