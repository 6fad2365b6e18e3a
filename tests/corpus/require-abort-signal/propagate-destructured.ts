// The caller cancels (the user navigated away) but the request it started
// keeps running: the signal was accepted and never passed on.
export async function getUser(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<unknown> {
  if (signal?.aborted) throw new Error('aborted');
  const res = await fetch(`/api/users/${id}`); // expect-report
  return res.json();
}
