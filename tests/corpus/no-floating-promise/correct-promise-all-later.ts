// Requests started early and awaited together later: stored, not dropped.
import { fetchProfile } from './shared/api.js';
import { findUser } from './shared/users.js';

export async function loadDashboard(userId: string) {
  const userRequest = findUser(userId);
  const profileRequest = fetchProfile(userId);
  const [user, profile] = await Promise.all([userRequest, profileRequest]);
  return { user, profile };
}

export async function warmUp(ids: readonly string[]): Promise<void> {
  const pending: Promise<unknown>[] = [];
  for (const id of ids) {
    pending.push(findUser(id));
  }
  await Promise.all(pending);
}

export async function firstAvailable(mirrors: readonly string[]): Promise<Response> {
  const attempts = mirrors.map((mirror) => fetch(mirror, { method: 'HEAD' }));
  return Promise.any(attempts);
}
