import { build } from '../shared/tasks.js';

async function main(): Promise<void> {
  const size = await build(process.argv[2] ?? 'web');
  console.log(`built ${String(size)} modules`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
