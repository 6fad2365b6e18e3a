// A deploy script built on a promisified `exec`: the install step is not
// awaited, so the service restarts with half of `node_modules` on disk.
import { exec } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(exec);

export async function deploy(branch: string): Promise<void> {
  await run(`git fetch origin ${branch}`);
  await run(`git checkout --force origin/${branch}`);
  run('npm ci --omit=dev'); // expect-floating
  await run('systemctl restart app');
}
