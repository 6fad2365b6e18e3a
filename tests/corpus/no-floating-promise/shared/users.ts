export interface User {
  id: string;
  email: string;
  name: string;
  subscribed: boolean;
}

const table = new Map<string, User>();

export async function findUser(id: string): Promise<User | null> {
  return table.get(id) ?? null;
}

export async function insertUser(user: User): Promise<void> {
  if (table.has(user.id)) throw new Error(`duplicate user ${user.id}`);
  table.set(user.id, user);
}
