import { db } from '../shared/tasks.js';

export class App {
  private readonly timers: NodeJS.Timeout[] = [];

  async stop(code: number): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await db.end();
    process.exitCode = code;
  }
}
