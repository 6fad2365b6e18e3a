// The first burst of requests for a region each create a client (and a
// connection pool); all but the last one leak.
import { createClient, type Client } from './shared/services.js';

const clients = new Map<string, Client>();

export async function clientFor(region: string): Promise<Client> {
  const existing = clients.get(region);
  if (existing) return existing;
  const client = await createClient(region);
  clients.set(region, client); // expect-report
  return client;
}
