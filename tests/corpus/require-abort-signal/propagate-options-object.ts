// A sync job that accepts cancellation through its options but loops over
// requests that ignore it: cancelling the job waits for every URL.
export async function syncAll(urls: readonly string[], options: { signal?: AbortSignal; token: string }): Promise<number> {
  let synced = 0;
  for (const url of urls) {
    const res = await fetch(url, { headers: { authorization: `Bearer ${options.token}` } }); // expect-report
    if (res.ok) synced++;
  }
  return synced;
}
