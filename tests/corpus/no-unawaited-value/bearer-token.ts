import { auth } from './shared/auth.js';

export async function authorizedHeaders(): Promise<Record<string, string>> {
  const token = auth.getToken();
  return { Authorization: `Bearer ${token}` }; // expect-unawaited
}
