import { connectHost } from '../shared/services.js';

const connecting = new Map<string, Promise<void>>();

export function ensureConnected(host: string): Promise<void> {
  let pending = connecting.get(host);
  if (!pending) {
    pending = connectHost(host);
    connecting.set(host, pending);
  }
  return pending;
}
