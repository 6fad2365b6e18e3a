// Using a promise as a promise: its methods, instanceof, typeof, handing it to Promise APIs.
import { getUser } from './shared/users.js';
import { execa } from 'execa-lite';

export function watch(id: string): Promise<string> {
  const user = getUser(id);
  user.catch((error: unknown) => console.error('lookup failed', error));
  if (user instanceof Promise) console.log('pending lookup');
  if (typeof user.then === 'function') console.log('thenable');
  return user.then((u) => u.name).finally(() => console.log('done'));
}

export function run(): Promise<number> {
  const child = execa('ls', ['-l']);
  child.stdout.pipe(process.stdout);
  setTimeout(() => child.kill('SIGTERM'), 1000);
  return child.then((result) => result.exitCode);
}

export function track(pending: Promise<unknown>[], id: string): void {
  pending.push(getUser(id));
}
