// A user service backed by a remote API: every lookup is async.
export interface User {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'editor' | 'viewer';
  verified: boolean;
}

const users = new Map<string, User>([['u1', { id: 'u1', name: 'Ada', email: 'ada@example.com', role: 'admin', verified: true }]]);

export async function getUser(id: string): Promise<User> {
  const user = users.get(id);
  if (!user) throw new Error(`no user ${id}`);
  return user;
}

export async function findUserByEmail(email: string): Promise<User | null> {
  for (const user of users.values()) if (user.email === email) return user;
  return null;
}

export async function isAdmin(id: string): Promise<boolean> {
  return (await getUser(id)).role === 'admin';
}

export async function getRole(id: string): Promise<User['role']> {
  return (await getUser(id)).role;
}

export async function listUsers(): Promise<User[]> {
  return [...users.values()];
}

export async function getDisplayName(id: string): Promise<string> {
  return (await getUser(id)).name;
}

export const fetchNickname = async (id: string): Promise<string | undefined> => (id === 'u1' ? 'ada' : undefined);

export async function loadPermissions(id: string): Promise<Record<string, boolean>> {
  return { read: true, write: id === 'u1' };
}
