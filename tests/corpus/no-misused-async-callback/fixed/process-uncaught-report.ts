import { sendMail } from './shared/mailer.js';

process.on('uncaughtException', (error) => {
  sendMail({ to: 'oncall@example.com', subject: 'crash', body: String(error) })
    .catch((mailError: unknown) => console.error('could not page on-call', mailError))
    .finally(() => process.exit(1));
});
