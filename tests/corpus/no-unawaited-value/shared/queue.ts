// A job queue whose state lives in a broker.
export class JobQueue {
  private readonly jobs: string[] = [];
  async hasNext(): Promise<boolean> {
    return this.jobs.length > 0;
  }
  async next(): Promise<string | null> {
    return this.jobs.shift() ?? null;
  }
  async size(): Promise<number> {
    return this.jobs.length;
  }
}

export class LineReader {
  private readonly lines = ['a', 'b'];
  async readLine(): Promise<string | null> {
    return this.lines.shift() ?? null;
  }
}
