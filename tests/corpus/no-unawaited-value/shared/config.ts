// Settings read from a remote config store.
export interface Settings {
  port: number;
  host: string;
  retries: number;
}

export async function loadConfig(): Promise<Settings> {
  return { port: 8080, host: 'localhost', retries: 3 };
}

export async function loadDefaults(): Promise<Partial<Settings>> {
  return { retries: 3 };
}

export async function loadSettings(userId: string): Promise<Record<string, string> | undefined> {
  return userId ? { theme: 'dark' } : undefined;
}
