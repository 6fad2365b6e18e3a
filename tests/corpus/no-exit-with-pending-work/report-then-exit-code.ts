// Writes a JUnit report, then exits with the test status from the callback.
import { writeFile } from 'node:fs/promises';
import { runTests } from './shared/tasks.js';

export function finish(results: { failed: number }): void {
  writeFile('junit.xml', `<testsuite failures="${String(results.failed)}"/>`).then(() =>
    process.exit(results.failed > 0 ? 1 : 0), // expect-report
  );
}

export async function ci(): Promise<void> {
  finish(await runTests());
}
