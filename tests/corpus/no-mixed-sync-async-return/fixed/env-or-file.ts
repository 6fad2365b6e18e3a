import { readFile } from 'node:fs/promises';

export async function readToken(): Promise<string> {
  const fromEnv = process.env['API_TOKEN'];
  if (fromEnv) return fromEnv;
  return (await readFile('/run/secrets/api_token', 'utf8')).trim();
}
