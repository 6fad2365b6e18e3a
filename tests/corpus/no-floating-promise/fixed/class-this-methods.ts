// A session store that persists from a sync method and closes its client
// without waiting: the last sessions are lost on shutdown.
class QueueClient {
  private open = true;

  async publish(topic: string, payload: unknown): Promise<void> {
    if (!this.open) throw new Error(`cannot publish to ${topic}: client closed`);
    JSON.stringify(payload);
  }

  async close(): Promise<void> {
    this.open = false;
  }
}

interface Session {
  userId: string;
  seenAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly client = new QueueClient();
  private dirty = false;

  touch(sessionId: string, userId: string): void {
    this.sessions.set(sessionId, { userId, seenAt: Date.now() });
    this.dirty = true;
    this.persist().catch((error: unknown) => console.error('could not persist sessions', error));
  }

  async stop(): Promise<void> {
    if (this.dirty) await this.persist();
    await this.client.close();
  }

  private async persist(): Promise<void> {
    await this.client.publish('sessions', [...this.sessions.entries()]);
    this.dirty = false;
  }
}
