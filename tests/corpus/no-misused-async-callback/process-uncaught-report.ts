import { sendMail } from './shared/mailer.js';

process.on('uncaughtException', async (error) => { // expect-misused
  await sendMail({ to: 'oncall@example.com', subject: 'crash', body: String(error) });
  process.exit(1);
});
