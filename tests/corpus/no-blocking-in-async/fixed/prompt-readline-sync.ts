import { createInterface } from 'node:readline/promises';

export async function confirmAndRun(step: () => Promise<void>) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Apply the migration? [y/n] ');
  rl.close();
  if (answer.trim().toLowerCase() === 'y') {
    await step();
  }
}
