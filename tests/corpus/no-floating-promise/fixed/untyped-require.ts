// A mailer loaded with `require` from ESM, so TypeScript sees `any`: the
// welcome mail is sent with a `.then` and nothing handles a failed send.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const mailer = require('legacy-mailer');

export function sendWelcome(email: string, name: string): void {
  mailer
    .send({ to: email, template: 'welcome', data: { name } })
    .then(() => {
      console.info(`welcome mail queued for ${email}`);
    })
    .catch((error: unknown) => console.error(`welcome mail to ${email} failed`, error));
}
