// Two requests for the same user both miss the cache and both issue a token;
// the first token handed out is silently replaced.
import { issueToken } from './shared/services.js';

export class TokenStore {
  private readonly tokens = new Map<string, string>();

  async tokenFor(user: string): Promise<string> {
    if (!this.tokens.has(user)) {
      const token = await issueToken(user);
      this.tokens.set(user, token); // expect-report
    }
    return this.tokens.get(user) ?? '';
  }
}
