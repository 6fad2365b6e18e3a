// Stand-ins for the services the scenarios call: each resolves later, so
// other calls of the same method run in between.
export interface Item {
  readonly sku: string;
  readonly price: number;
}

export interface Profile {
  readonly id: string;
  readonly name: string;
}

export interface Client {
  readonly region: string;
  send(payload: unknown): Promise<void>;
}

export interface Session {
  readonly token: string;
  readonly expiresAt: number;
}

export interface Row {
  readonly id: number;
  readonly values: readonly string[];
}

const later = <T>(value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), 5));

export async function fetchCount(source: string): Promise<number> {
  return later(source.length);
}

export async function issueToken(user: string): Promise<string> {
  return later(`token-${user}-${String(Date.now())}`);
}

export async function reserveStock(sku: string): Promise<void> {
  await later(sku);
}

export async function connectHost(host: string): Promise<void> {
  await later(host);
}

export async function createClient(region: string): Promise<Client> {
  return later({ region, send: async () => {} });
}

export async function lookupItem(sku: string): Promise<Item> {
  return later({ sku, price: 10 });
}

export async function readChunk(): Promise<Buffer> {
  return later(Buffer.from('chunk'));
}

export async function ping(url: string): Promise<boolean> {
  return later(url.startsWith('https:'));
}

export async function loadProfile(id: string): Promise<Profile> {
  return later({ id, name: 'Ada' });
}

export async function markStarted(jobId: string): Promise<void> {
  await later(jobId);
}

export async function runJob(jobId: string): Promise<void> {
  await later(jobId);
}

export async function insertRow(row: Row): Promise<number> {
  return later(row.values.length > 0 ? 1 : 0);
}

export async function renewSession(): Promise<Session> {
  return later({ token: 't', expiresAt: Date.now() + 60_000 });
}

export async function render(view: string): Promise<string> {
  return later(`<main>${view}</main>`);
}

export interface Ledger {
  record(entry: { type: string; amount: number }): Promise<void>;
}
