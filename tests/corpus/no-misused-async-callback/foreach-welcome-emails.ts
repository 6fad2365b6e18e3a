import { sendMail } from './shared/mailer.js';

export async function sendWelcomeEmails(users: { email: string; name: string }[]) {
  users.forEach(async (user) => { // expect-misused
    await sendMail({ to: user.email, subject: 'Welcome', body: `Hi ${user.name}` });
  });
  console.log(`sent ${users.length} welcome emails`);
}
