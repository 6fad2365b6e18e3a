import { createClient, type Client } from '../shared/services.js';

const clients = new Map<string, Promise<Client>>();

export function clientFor(region: string): Promise<Client> {
  let client = clients.get(region);
  if (!client) {
    client = createClient(region);
    clients.set(region, client);
  }
  return client;
}
