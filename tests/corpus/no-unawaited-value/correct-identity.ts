// Comparing promises with promises compares identities: is this still the latest request?
import { listUsers, type User } from './shared/users.js';

let latest: Promise<User[]> | null = null;

export async function search(): Promise<User[]> {
  const request = listUsers();
  latest = request;
  const users = await request;
  if (latest !== request) return [];
  return users;
}

export function isCurrent(candidate: Promise<User[]>): boolean {
  return candidate === latest;
}
