// Token refreshes triggered by two 401s at once both start from the same
// attempt number; the limit on refreshes is never reached.
import { renewSession, type Session } from './shared/services.js';

export class SessionManager {
  private session: Session | null = null;
  private refreshes = 0;

  async refresh(): Promise<Session> {
    const attempt = this.refreshes;
    if (attempt >= 5) throw new Error('too many refreshes');
    const session = await renewSession();
    this.refreshes = attempt + 1; // expect-report
    this.session = session;
    return session;
  }

  get current(): Session | null {
    return this.session;
  }
}
