import { fetch as undiciFetch } from 'undici';

export async function latestVersion(pkg: string): Promise<string> {
  const res = await undiciFetch(`https://registry.npmjs.org/${pkg}/latest`, { signal: AbortSignal.timeout(10_000) });
  const body = (await res.json()) as { version: string };
  return body.version;
}
