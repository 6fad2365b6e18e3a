// Check-then-act with no await in between: the promise is cached at once, so
// concurrent callers share one load.
import { createClient, issueToken, type Client } from './shared/services.js';

const clients = new Map<string, Promise<Client>>();
const seen = new Set<string>();

export function clientFor(region: string): Promise<Client> {
  if (!clients.has(region)) clients.set(region, createClient(region));
  return clients.get(region) as Promise<Client>;
}

export async function firstVisit(user: string): Promise<string | null> {
  if (seen.has(user)) return null;
  seen.add(user);
  return issueToken(user);
}
