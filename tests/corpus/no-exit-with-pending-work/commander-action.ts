// A commander action handler that exits after deploying; the deploy log is
// written by an async transport that is still flushing.
import { Command } from 'commander';
import { build, upload } from './shared/tasks.js';

const program = new Command();

program
  .command('deploy <target>')
  .action(async (target: string) => {
    await build(target);
    await upload(`${target}.tgz`);
    process.exit(0); // expect-report
  });

await program.parseAsync(process.argv);
