import { auth } from '../shared/auth.js';

export async function authorizedHeaders(): Promise<Record<string, string>> {
  const token = await auth.getToken();
  return { Authorization: `Bearer ${token}` };
}
