// The received signal is passed on, alone, combined with a timeout, or inside
// a spread of the caller's options.
export async function getJson(url: string, init: RequestInit & { signal: AbortSignal }): Promise<unknown> {
  const res = await fetch(url, { ...init, headers: { accept: 'application/json' } });
  return res.json();
}

export async function withDeadline(url: string, signal: AbortSignal): Promise<Response> {
  return fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]) });
}

export async function search(query: string, { signal }: { signal: AbortSignal }): Promise<unknown> {
  const res = await fetch(`/search?q=${query}`, { signal });
  return res.json();
}
