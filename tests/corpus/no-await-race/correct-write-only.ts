// Writes that do not depend on the old value: last writer wins, which is what
// the code means.
import { loadProfile, renewSession, type Profile, type Session } from './shared/services.js';

let latestSession: Session | null = null;

export class Account {
  user: Profile | null = null;
  ready = false;

  async init(id: string): Promise<void> {
    this.ready = false;
    this.user = await loadProfile(id);
    this.ready = true;
  }
}

export async function refresh(): Promise<Session> {
  latestSession = await renewSession();
  return latestSession;
}
