import pLimit from 'p-limit';

interface Subscriber {
  readonly url: string;
  readonly secret: string;
}

export async function deliver(subscribers: readonly Subscriber[], event: object): Promise<void> {
  const body = JSON.stringify(event);
  const limit = pLimit(16);
  const results = await Promise.allSettled(
    subscribers.map((s) => limit(() => fetch(s.url, { method: 'POST', body, headers: { 'x-secret': s.secret } }))),
  );
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed > 0) console.warn(`${String(failed)} deliveries failed`);
}
