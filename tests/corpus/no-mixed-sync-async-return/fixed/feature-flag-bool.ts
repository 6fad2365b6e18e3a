import { sendMail } from '../shared/store.js';

const flags = { welcomeEmail: process.env['WELCOME_EMAIL'] === '1' };

export async function sendWelcome(email: string) {
  if (!flags.welcomeEmail) return false;
  await sendMail(email, 'Welcome!');
  return true;
}
