// A tiny in-memory stand-in for a database driver: every call takes a few
// milliseconds, like a network round trip, and can fail.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Row {
  id: number;
  [column: string]: unknown;
}

export class Database {
  private tables = new Map<string, Row[]>();
  private nextId = 1;
  private connected = false;

  constructor(private readonly url: string) {
    // Pitfall: I/O started in a constructor. `new Database(url)` returns an
    // object that is not connected yet, and a failed connection is never seen.
    this.connect();
  }

  async connect(): Promise<void> {
    await sleep(5);
    if (this.url.startsWith('fail:')) throw new Error(`cannot connect to ${this.url}`);
    this.connected = true;
  }

  async isConnected(): Promise<boolean> {
    await sleep(1);
    return this.connected;
  }

  async migrate(schemaFile: string): Promise<void> {
    // Pitfall: a blocking read inside async code stalls every request in flight.
    const schema = readFileSync(schemaFile, 'utf8');
    for (const table of schema.split('\n').filter(Boolean)) {
      this.tables.set(table.trim(), []);
    }
  }

  async insert(table: string, row: Omit<Row, 'id'>): Promise<Row> {
    // Pitfall: read-modify-write of shared state across an `await`: two inserts
    // running at once read the same `nextId` and store two rows with one id.
    const id = this.nextId;
    await sleep(2);
    this.nextId = id + 1;
    const stored = { ...row, id };
    this.rows(table).push(stored);
    return stored;
  }

  async find(table: string, id: number): Promise<Row | undefined> {
    await sleep(2);
    return this.rows(table).find((row) => row.id === id);
  }

  query(table: string, where: (row: Row) => boolean): Promise<Row[]> {
    // Pitfall: an async executor. If `sleep` rejected, the error would escape the
    // promise this function returns, and the caller would wait forever.
    return new Promise(async (resolve) => {
      await sleep(2);
      resolve(this.rows(table).filter(where));
    });
  }

  private rows(table: string): Row[] {
    const rows = this.tables.get(table);
    if (!rows) throw new Error(`no table ${table}`);
    return rows;
  }
}
