// Stand-ins for a database, an API and a mailer.
export interface User {
  readonly id: string;
  readonly name: string;
  readonly isAdmin: boolean;
}

export async function loadUser(id: string): Promise<User> {
  return { id, name: 'Ada', isAdmin: false };
}

export async function insert(table: string, row: object): Promise<{ id: string }> {
  return { id: `${table}-${String(Object.keys(row).length)}` };
}

export async function remove(table: string, id: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1, [table, id]));
}

export async function sendMail(to: string, subject: string): Promise<string> {
  return `${to}:${subject}`;
}

export async function readBody(req: { body?: string }): Promise<string> {
  return req.body ?? '';
}

export class ForbiddenError extends Error {}
