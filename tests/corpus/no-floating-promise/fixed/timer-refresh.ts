// Token refresh on an interval: each tick drops its promise, so one failed
// refresh crashes a long-running service at 3 a.m.
let accessToken: string | null = null;

async function refreshToken(): Promise<void> {
  const response = await fetch('https://auth.example.com/oauth/token', {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  if (!response.ok) throw new Error(`token refresh failed with ${response.status}`);
  accessToken = ((await response.json()) as { access_token: string }).access_token;
}

export function startTokenRefresh(intervalMs: number): () => void {
  const timer = setInterval(() => {
    refreshToken().catch((error: unknown) => console.error('token refresh failed; keeping the old token', error));
  }, intervalMs);
  return () => clearInterval(timer);
}

export function currentToken(): string | null {
  return accessToken;
}
