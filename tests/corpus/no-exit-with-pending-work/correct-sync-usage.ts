// Argument checks before any async work starts: nothing is pending yet.
import { build } from './shared/tasks.js';

function usage(message: string): never {
  console.error(`${message}\nusage: build <target>`);
  process.exit(2);
}

const target = process.argv[2];
if (!target) usage('missing target');
if (target === '--help') {
  console.log('usage: build <target>');
  process.exit(0);
}

build(target).then(
  (size) => console.log(`built ${String(size)}`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
