// Disabled welcome emails return `false`, enabled ones a promise of `true`:
// `if (await sendWelcome(u))` works, `sendWelcome(u).then(...)` does not.
import { sendMail } from './shared/store.js';

const flags = { welcomeEmail: process.env['WELCOME_EMAIL'] === '1' };

export function sendWelcome(email: string) { // expect-report
  if (!flags.welcomeEmail) return false;
  return sendMail(email, 'Welcome!').then(() => true);
}
