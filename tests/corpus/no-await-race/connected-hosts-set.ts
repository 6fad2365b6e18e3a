// Every caller that arrives while the first connect is in flight connects
// again: the Set is only filled after the await.
import { connectHost } from './shared/services.js';

const connected = new Set<string>();

export async function ensureConnected(host: string): Promise<void> {
  if (connected.has(host)) return;
  await connectHost(host);
  connected.add(host); // expect-report
}
