// Posts an event to an analytics endpoint with method, headers and body set,
// but nothing that bounds how long the request may take.
export async function track(event: string, props: Record<string, unknown>): Promise<void> {
  const res = await fetch('https://analytics.example.com/v1/events', { // expect-report
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ event, props }),
  });
  if (!res.ok) throw new Error(`analytics: ${String(res.status)}`);
}
