// Stand-ins for a database, a mailer and a blob store.
export interface User {
  readonly id: string;
  readonly email: string;
}

export interface Order {
  readonly id: string;
  readonly lines: readonly { sku: string; qty: number }[];
}

export async function findUsers(filter: { active: boolean }): Promise<User[]> {
  return filter.active ? [{ id: '1', email: 'a@example.com' }] : [];
}

export async function sendEmail(to: string, subject: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1, `${to}:${subject}`));
}

export async function processOrder(id: string): Promise<Order> {
  return { id, lines: [] };
}

export async function putObject(key: string, body: Buffer): Promise<string> {
  return `${key}:${String(body.length)}`;
}

export async function insertRow(table: string, row: Record<string, string>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1, [table, row]));
}
