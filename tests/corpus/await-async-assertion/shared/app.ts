// The code under test: a repository, an API client, a job runner, a parser.
export interface User {
  readonly id: string;
  readonly name: string;
}

export const repo = {
  async save(user: { name: string }): Promise<User> {
    return { id: 'u1', name: user.name };
  },
  async find(id: string): Promise<User | undefined> {
    return id === 'u1' ? { id, name: 'Ada' } : undefined;
  },
};

export const api = {
  async getUser(id: string): Promise<User> {
    if (id === 'nope') throw new Error('404 not found');
    return { id, name: 'Ada' };
  },
};

export async function parseConfig(text: string): Promise<Record<string, string>> {
  if (!text.includes('=')) throw new SyntaxError(`bad line: ${text}`);
  const [key = '', value = ''] = text.split('=');
  return { [key]: value };
}

export async function seedDatabase(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 5));
}

export class Job {
  status: 'queued' | 'running' | 'done' = 'queued';

  start(): void {
    this.status = 'running';
    setTimeout(() => (this.status = 'done'), 20);
  }
}

export async function fetchUser(id: number): Promise<User> {
  return { id: String(id), name: 'Ada' };
}
