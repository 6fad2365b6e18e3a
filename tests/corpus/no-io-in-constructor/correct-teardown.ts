import { EventEmitter } from 'node:events';

export class Heartbeat implements AsyncDisposable {
  private readonly timer: NodeJS.Timeout;
  private readonly onStop = async () => {
    await this.flush();
  };

  constructor(private readonly bus: EventEmitter) {
    this.timer = setInterval(async () => {
      await this.flush();
    }, 1_000);
    bus.on('stop', this.onStop);
  }

  private async flush(): Promise<void> {}

  async [Symbol.asyncDispose]() {
    clearInterval(this.timer);
    this.bus.off('stop', this.onStop);
    await this.flush();
  }
}
