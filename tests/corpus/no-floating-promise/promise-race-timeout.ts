// A health check that races the upstream against a timeout but forgets to
// await the race: it always answers "healthy", and the timeout rejects later
// with nobody listening.
function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms));
}

async function pingUpstream(url: string): Promise<void> {
  const response = await fetch(url, { method: 'HEAD' });
  if (!response.ok) throw new Error(`upstream answered ${response.status}`);
}

export async function healthCheck(url: string): Promise<boolean> {
  try {
    Promise.race([pingUpstream(url), timeout(2_000)]); // expect-floating
    return true;
  } catch {
    return false;
  }
}
