// Map writes after an await with no earlier check of the same key: a refresh
// that overwrites whatever is there, or a check made after the await.
import { issueToken, loadProfile, type Profile } from './shared/services.js';

const profiles = new Map<string, Profile>();
const tokens = new Map<string, string>();

export async function refreshProfile(id: string): Promise<void> {
  const profile = await loadProfile(id);
  profiles.set(id, profile);
}

export async function tokenFor(user: string): Promise<string> {
  const token = await issueToken(user);
  if (!tokens.has(user)) tokens.set(user, token);
  return tokens.get(user) ?? token;
}
