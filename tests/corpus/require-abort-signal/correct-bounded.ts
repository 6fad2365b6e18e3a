// Every request has a bound: a timeout signal, a timeout option, or a
// controller aborted by a timer.
import http from 'node:http';
import { request } from 'undici';

export async function bounded(url: string): Promise<void> {
  await fetch(url, { signal: AbortSignal.timeout(5_000) });

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5_000);
  try {
    await fetch(url, { method: 'POST', body: '{}', signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }

  await request(url, { signal: AbortSignal.timeout(2_000) });

  http.request({ host: 'localhost', path: '/', timeout: 1_000 }).end();
}
