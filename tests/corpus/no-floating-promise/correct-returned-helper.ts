// Promises handed back to the caller in every shape: returned, arrow bodies,
// returned from `.then` callbacks, and collected with `Promise.all`.
import { writeFile } from 'node:fs/promises';

export function persist(file: string, data: unknown): Promise<void> {
  return writeFile(file, JSON.stringify(data));
}

export const persistLater = (file: string, data: unknown, delayMs: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, delayMs)).then(() => persist(file, data));

export function persistAll(entries: ReadonlyMap<string, unknown>): Promise<void[]> {
  return Promise.all([...entries].map(([file, data]) => persist(file, data)));
}

export async function persistWithBackup(file: string, data: unknown): Promise<void> {
  await persist(`${file}.bak`, data);
  return persist(file, data);
}

export function persistThen(file: string, data: unknown, next: () => Promise<void>): Promise<void> {
  return persist(file, data).then(() => {
    return next();
  });
}
