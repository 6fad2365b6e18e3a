import { loadUser } from './shared/db.js';

interface Response {
  json(body: unknown): void;
}

export async function listUsers(ids: string[], res: Response) {
  res.json(await Promise.all(ids.map(async (id) => loadUser(id))));
}
