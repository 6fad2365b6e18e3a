// The token comes from the environment as a string, or from a file as a
// promise of one.
import { readFile } from 'node:fs/promises';

export function readToken(): string | Promise<string> { // expect-report
  const fromEnv = process.env['API_TOKEN'];
  if (fromEnv) return fromEnv;
  return readFile('/run/secrets/api_token', 'utf8').then((text) => text.trim());
}
