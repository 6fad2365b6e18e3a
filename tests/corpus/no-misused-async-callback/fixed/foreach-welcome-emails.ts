import { sendMail } from './shared/mailer.js';

export async function sendWelcomeEmails(users: { email: string; name: string }[]) {
  for (const user of users) {
    await sendMail({ to: user.email, subject: 'Welcome', body: `Hi ${user.name}` });
  }
  console.log(`sent ${users.length} welcome emails`);
}
