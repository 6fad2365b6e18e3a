export class StatusPoller {
  status = 'unknown';
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly url: string) {
    this.timer = setInterval(async () => {
      const response = await fetch(this.url);
      this.status = response.ok ? 'up' : 'down';
    }, 5_000);
  }

  stop() {
    clearInterval(this.timer);
  }
}
