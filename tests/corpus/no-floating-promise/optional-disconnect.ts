// Teardown with an optional call: `stop()` resolves while the broker
// connection is still open, and a test runner reports a leaked handle.
import { EventEmitter } from 'node:events';

class BrokerClient extends EventEmitter {
  private url: string | null = null;

  async connect(url: string): Promise<void> {
    this.url = url;
    this.emit('connect', url);
  }

  async disconnect(): Promise<void> {
    if (this.url === null) throw new Error('not connected');
    this.url = null;
    this.emit('close');
  }
}

let client: BrokerClient | undefined;

export async function start(url: string): Promise<void> {
  client = new BrokerClient();
  await client.connect(url);
}

export async function stop(): Promise<void> {
  client?.disconnect(); // expect-floating
  client = undefined;
}
