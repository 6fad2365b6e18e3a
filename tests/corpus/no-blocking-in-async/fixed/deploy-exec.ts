import { execFile } from 'child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function deploy(service: string, tag: string): Promise<string> {
  console.log(`deploying ${service}:${tag}`);
  await run('docker', ['pull', `registry.local/${service}:${tag}`]);
  const { stdout } = await run('docker', ['run', '-d', `registry.local/${service}:${tag}`]);
  return stdout.trim();
}
