// `Promise.allSettled`, awaited: every promise is waited for and no rejection
// escapes.
interface Channel {
  name: string;
  send(message: string): Promise<void>;
}

interface Closable {
  close(): Promise<void>;
}

export async function broadcast(channels: readonly Channel[], message: string): Promise<string[]> {
  const results = await Promise.allSettled(channels.map(async (channel) => channel.send(message)));
  return results.flatMap((result, index) => (result.status === 'rejected' ? [channels[index]?.name ?? '?'] : []));
}

export async function closeAll(resources: readonly Closable[]): Promise<void> {
  await Promise.allSettled(resources.map((resource) => resource.close()));
}
