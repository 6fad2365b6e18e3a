import { issueToken } from '../shared/services.js';

export class TokenStore {
  private readonly tokens = new Map<string, Promise<string>>();

  tokenFor(user: string): Promise<string> {
    let token = this.tokens.get(user);
    if (!token) {
      token = issueToken(user);
      this.tokens.set(user, token);
    }
    return token;
  }
}
