// `map(async ...)` without `Promise.all`: the function reports success before a
// single email is sent, and every failed send is an unhandled rejection.
import { sendEmail } from '../shared/mailer.js';
import type { User } from '../shared/users.js';

function renderBody(user: User, version: string): string {
  return `Hi ${user.name},\n\nversion ${version} is available. Run \`npm i app@${version}\` to upgrade.`;
}

export async function announceRelease(users: readonly User[], version: string): Promise<number> {
  const recipients = users.filter((user) => user.subscribed);
  await Promise.all(
    recipients.map(async (user) => {
      await sendEmail(user.email, `Version ${version} is out`, renderBody(user, version));
    }),
  );
  return recipients.length;
}
