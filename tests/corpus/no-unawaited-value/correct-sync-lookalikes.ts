// Sync functions and values that look like the async ones.
import session from 'legacy-session';

function isAdminSync(role: string): boolean {
  return role === 'admin';
}

const loadDefaultsSync = (): Record<string, number> => ({ retries: 3 });

export function check(role: string, input: unknown): string {
  if (isAdminSync(role)) return 'admin';
  const defaults = { ...loadDefaultsSync(), verbose: 1 };
  if (session.user) console.log(`${session.user}`);
  if (input) console.log(`${String(input)}`);
  return JSON.stringify(defaults);
}

export function jobs(ids: string[]): number {
  const pending = ids.map((id) => Promise.resolve(id));
  if (pending.length === 0) return 0;
  console.log(`${pending.length} jobs`);
  return pending.length;
}
