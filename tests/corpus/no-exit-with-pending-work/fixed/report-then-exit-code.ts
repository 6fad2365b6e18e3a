import { writeFile } from 'node:fs/promises';
import { runTests } from '../shared/tasks.js';

export async function finish(results: { failed: number }): Promise<void> {
  await writeFile('junit.xml', `<testsuite failures="${String(results.failed)}"/>`);
  process.exitCode = results.failed > 0 ? 1 : 0;
}

export async function ci(): Promise<void> {
  await finish(await runTests());
}
