interface Session {
  readonly user: string | null;
}

const ANONYMOUS: Session = { user: null };

export class SessionStore {
  private readonly rows = new Map<string, string>();

  async load(token: string): Promise<Session> {
    return { user: this.rows.get(token) ?? null };
  }

  async session(token: string | undefined) {
    if (!token) return ANONYMOUS;
    return this.load(token);
  }
}
