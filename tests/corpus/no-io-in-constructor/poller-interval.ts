export class StatusPoller {
  status = 'unknown';

  constructor(private readonly url: string) {
    setInterval(async () => { // expect-report
      const response = await fetch(this.url);
      this.status = response.ok ? 'up' : 'down';
    }, 5_000);
  }
}
