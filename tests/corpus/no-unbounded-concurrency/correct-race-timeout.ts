// Promise.race between one request and a timer: two promises, not a fan-out.
import { setTimeout as sleep } from 'node:timers/promises';

export async function withTimeout(url: string, ms: number): Promise<Response> {
  return Promise.race([
    fetch(url),
    sleep(ms).then(() => {
      throw new Error(`timed out after ${String(ms)} ms`);
    }),
  ]);
}
