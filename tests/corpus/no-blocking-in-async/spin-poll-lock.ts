import { existsSync, unlinkSync, writeFileSync } from 'node:fs';

export async function withLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 5_000;
  while (existsSync(lock) && Date.now() < deadline) {} // expect-report
  writeFileSync(lock, String(process.pid)); // expect-report
  try {
    return await work();
  } finally {
    unlinkSync(lock); // expect-report
  }
}
