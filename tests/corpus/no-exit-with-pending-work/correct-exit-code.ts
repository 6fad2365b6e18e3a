// The recommended shape: set process.exitCode and let the loop drain.
import { build } from './shared/tasks.js';

async function main(): Promise<void> {
  const size = await build('web');
  if (size === 0) {
    console.error('nothing built');
    process.exitCode = 2;
    return;
  }
  console.log(`built ${String(size)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
