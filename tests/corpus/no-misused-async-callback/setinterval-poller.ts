import { db } from './shared/db.js';

export class JobPoller {
  private timer: NodeJS.Timeout | undefined;

  start() {
    this.timer = setInterval(async () => { // expect-misused
      const jobs = await db.query('select * from jobs where state = $1', ['ready']);
      console.log('picked up', jobs.length);
    }, 5000);
  }

  stop() {
    clearInterval(this.timer);
  }
}
