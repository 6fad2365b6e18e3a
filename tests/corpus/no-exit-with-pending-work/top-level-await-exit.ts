// An ESM test-runner script using top-level await, exiting with the result.
import { runTests } from './shared/tasks.js';
import { flushMetrics } from './shared/tasks.js';

const { failed } = await runTests();
flushMetrics();
console.log(failed === 0 ? 'all green' : `${String(failed)} failed`);
process.exit(failed === 0 ? 0 : 1); // expect-report
