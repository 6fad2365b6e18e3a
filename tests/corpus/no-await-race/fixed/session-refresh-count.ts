import { renewSession, type Session } from '../shared/services.js';

export class SessionManager {
  private session: Session | null = null;
  private refreshes = 0;

  async refresh(): Promise<Session> {
    if (this.refreshes >= 5) throw new Error('too many refreshes');
    this.refreshes += 1;
    const session = await renewSession();
    this.session = session;
    return session;
  }

  get current(): Session | null {
    return this.session;
  }
}
