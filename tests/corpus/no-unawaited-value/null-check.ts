import { findUserByEmail } from './shared/users.js';

export async function resetPassword(email: string): Promise<string> {
  const user = findUserByEmail(email);
  if (user === null) { // expect-unawaited
    throw new Error(`no account for ${email}`);
  }
  return `reset link sent to ${email}`;
}
