import { access, unlink, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

export async function withLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 5_000;
  while ((await exists(lock)) && Date.now() < deadline) await sleep(50);
  await writeFile(lock, String(process.pid));
  try {
    return await work();
  } finally {
    await unlink(lock);
  }
}
