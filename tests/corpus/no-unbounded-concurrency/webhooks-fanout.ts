// Delivers an event to every subscriber at once; a popular event means
// thousands of outgoing requests from one process.
interface Subscriber {
  readonly url: string;
  readonly secret: string;
}

export async function deliver(subscribers: readonly Subscriber[], event: object): Promise<void> {
  const body = JSON.stringify(event);
  const results = await Promise.allSettled( // expect-report
    subscribers.map((s) => fetch(s.url, { method: 'POST', body, headers: { 'x-secret': s.secret } })),
  );
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed > 0) console.warn(`${String(failed)} deliveries failed`);
}
