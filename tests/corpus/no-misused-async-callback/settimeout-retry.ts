import { sendMail, type Mail } from './shared/mailer.js';

export function retryLater(mail: Mail, delayMs: number) {
  setTimeout(async () => { // expect-misused
    await sendMail(mail);
    console.log('retried', mail.to);
  }, delayMs);
}
