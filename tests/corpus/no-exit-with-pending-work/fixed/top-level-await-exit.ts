import { runTests } from '../shared/tasks.js';
import { flushMetrics } from '../shared/tasks.js';

const { failed } = await runTests();
await flushMetrics();
console.log(failed === 0 ? 'all green' : `${String(failed)} failed`);
process.exitCode = failed === 0 ? 0 : 1;
