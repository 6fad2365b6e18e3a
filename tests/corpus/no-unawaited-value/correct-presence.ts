// A promise or nothing: tests, `??` and comparisons with null are presence checks.
import { getUser, type User } from './shared/users.js';
import { Db } from './shared/db.js';

export class Connection {
  private opening?: Promise<Db>;
  private closing: Promise<void> | null = null;

  open(): Promise<Db> {
    if (!this.opening) this.opening = this.connect();
    return this.opening;
  }

  close(): Promise<void> {
    if (this.closing !== null) return this.closing;
    this.closing = Promise.resolve();
    return this.closing;
  }

  private async connect(): Promise<Db> {
    return new Db();
  }
}

const inflight = new Map<string, Promise<User>>();

export function loadOnce(id: string): Promise<User> {
  const pending = inflight.get(id) ?? getUser(id);
  inflight.set(id, pending);
  return pending;
}

let warmup: Promise<void> | undefined;

export async function ensureWarm(): Promise<void> {
  warmup ??= Promise.resolve();
  if (warmup) await warmup;
}

export function maybeRefresh(client?: { refresh(): Promise<void> }): Promise<void> | undefined {
  const refreshing = client?.refresh();
  if (refreshing) return refreshing.then(() => undefined);
  return undefined;
}
