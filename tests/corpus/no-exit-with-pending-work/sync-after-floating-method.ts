// A class-based CLI: `stop()` starts closing the database and exits in the
// same tick, so the close never reaches the server.
import { db } from './shared/tasks.js';

export class App {
  private readonly timers: NodeJS.Timeout[] = [];

  stop(code: number): void {
    for (const t of this.timers) clearInterval(t);
    db.end();
    process.exit(code); // expect-report
  }
}
