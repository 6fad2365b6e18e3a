/** A stand-in database driver: every call is async. */
export class Pool {
  constructor(readonly url: string) {}
  async connect(): Promise<void> {}
  async query<T>(sql: string): Promise<T[]> {
    return [sql] as T[];
  }
  async end(): Promise<void> {}
}

export async function openSocket(url: string): Promise<{ send(data: string): void; close(): void }> {
  return { send: (data) => console.log(url, data), close: () => undefined };
}
