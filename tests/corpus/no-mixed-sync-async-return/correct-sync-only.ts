// Synchronous functions: values and throws, no promise anywhere.
export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port)) throw new TypeError(`not a port: ${text}`);
  return port;
}

export function notImplemented(): never {
  throw new Error('not implemented');
}

export function pick<T>(items: readonly T[], index: number): T | undefined {
  if (index < 0) return undefined;
  return items[index];
}
