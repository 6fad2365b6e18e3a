/** A stand-in for a pooled SQL client, shaped like `pg.Pool`. */
export type Row = Record<string, unknown>;

export interface PoolOptions {
  connectionString: string;
  max?: number;
  idleTimeoutMillis?: number;
}

export class Pool {
  private closed = false;
  private readonly log: string[] = [];

  constructor(private readonly options: PoolOptions) {}

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    if (this.closed) throw new Error(`pool for ${this.options.connectionString} is closed`);
    this.log.push(`${sql} -- ${JSON.stringify(params)}`);
    return [];
  }

  async end(): Promise<void> {
    if (this.closed) throw new Error('Called end on pool more than once');
    this.closed = true;
  }
}
