export async function getUser(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<unknown> {
  if (signal?.aborted) throw new Error('aborted');
  const res = await fetch(`/api/users/${id}`, { signal });
  return res.json();
}
