import { fetchNickname } from './shared/users.js';

export async function label(id: string): Promise<string> {
  const nickname = fetchNickname(id) || 'anonymous'; // expect-unawaited
  return `@${String(nickname)}`;
}
