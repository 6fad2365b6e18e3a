// A client that connects from its constructor and drops the promise: the
// first `send` can run before the socket is open, and a refused connection is
// an unhandled rejection.
import { Socket } from 'node:net';

export class StatsdClient {
  private readonly socket = new Socket();

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {
    this.connect(); // expect-floating
  }

  send(metric: string, value: number): void {
    this.socket.write(`${metric}:${value}|c\n`);
  }

  private async connect(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.socket.once('error', reject);
      this.socket.connect(this.port, this.host, resolve);
    });
  }
}
