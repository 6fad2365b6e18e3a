import { sendMail, type Mail } from './shared/mailer.js';

export function retryLater(mail: Mail, delayMs: number) {
  setTimeout(() => {
    sendMail(mail)
      .then(() => console.log('retried', mail.to))
      .catch((error: unknown) => console.error('retry failed', mail.to, error));
  }, delayMs);
}
