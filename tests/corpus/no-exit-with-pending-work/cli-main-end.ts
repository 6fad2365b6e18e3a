// A build CLI exits as soon as its main work resolves; the "done" line and
// the report written to a pipe are cut off when stdout is not a terminal.
import { build } from './shared/tasks.js';

async function main(): Promise<void> {
  const size = await build(process.argv[2] ?? 'web');
  console.log(`built ${String(size)} modules`);
  process.exit(0); // expect-report
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
