export class SessionReaper {
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly purge: () => Promise<number>) {
    this.timer = setTimeout(async () => {
      const removed = await this.purge();
      console.log(`purged ${String(removed)} sessions`);
    }, 60_000);
  }

  cancel() {
    clearTimeout(this.timer);
  }
}
