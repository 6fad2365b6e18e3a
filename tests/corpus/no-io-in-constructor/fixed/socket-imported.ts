import { openSocket } from '../shared/db.js';

export class LiveFeed {
  private constructor(private readonly socket: Awaited<ReturnType<typeof openSocket>>) {}

  static async connect(url: string): Promise<LiveFeed> {
    return new LiveFeed(await openSocket(url));
  }

  publish(message: string) {
    this.socket.send(message);
  }
}
