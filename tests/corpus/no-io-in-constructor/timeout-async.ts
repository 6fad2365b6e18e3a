export class SessionReaper {
  constructor(private readonly purge: () => Promise<number>) {
    setTimeout(async () => { // expect-report
      const removed = await this.purge();
      console.log(`purged ${String(removed)} sessions`);
    }, 60_000);
  }
}
