import { listUsers, type User } from './shared/users.js';

export async function emailAll(send: (user: User) => Promise<void>): Promise<number> {
  let sent = 0;
  for (const user of listUsers()) { // expect-unawaited
    await send(user);
    sent++;
  }
  return sent;
}

export async function everyone(admins: User[]): Promise<User[]> {
  return [...listUsers(), ...admins]; // expect-unawaited
}
