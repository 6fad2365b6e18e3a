import { openSocket } from './shared/db.js';

export class LiveFeed {
  private socket: Awaited<ReturnType<typeof openSocket>> | undefined;

  constructor(url: string) {
    openSocket(url).then((socket) => { // expect-report
      this.socket = socket;
    });
  }

  publish(message: string) {
    this.socket?.send(message);
  }
}
