// Validators: synchronous for simple inputs, asynchronous when they must ask a server.
export type MaybeAsync<T> = T | Promise<T>;

export function validateEmail(input: string): boolean | Promise<boolean> {
  if (!input.includes('@')) return false;
  return Promise.resolve(!input.endsWith('.invalid'));
}

export function checkQuota(user: string): MaybeAsync<boolean> {
  if (user === 'root') return true;
  return Promise.resolve(user.length < 10);
}

export async function isHealthy(url: string): Promise<boolean> {
  return url.startsWith('https://');
}

export async function countRows(table: string): Promise<number> {
  return table.length;
}
