import { fetchNickname } from '../shared/users.js';

export async function label(id: string): Promise<string> {
  const nickname = (await fetchNickname(id)) || 'anonymous';
  return `@${String(nickname)}`;
}
