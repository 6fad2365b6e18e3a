import { Command } from 'commander';
import { build, upload } from '../shared/tasks.js';

const program = new Command();

program.command('deploy <target>').action(async (target: string) => {
  await build(target);
  await upload(`${target}.tgz`);
});

await program.parseAsync(process.argv);
