// Sends order e-mails through an HTTP mail API.
import { pbkdf2Sync, randomBytes } from 'node:crypto';

export interface Message {
  to: string;
  subject: string;
  body: string;
}

export class Mailer {
  private outbox: Message[] = [];

  constructor(private readonly endpoint: string) {}

  async send(message: Message): Promise<void> {
    // Pitfall: a network call with no timeout and no AbortSignal: if the mail API
    // hangs, this promise never settles and the order handler waits forever.
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
    });
    if (!response.ok) throw new Error(`mail API answered ${response.status}`);
  }

  queue(message: Message): void {
    this.outbox.push(message);
    if (this.outbox.length >= 10) {
      // Pitfall: `void` silences the linter's question, not the rejection.
      void this.flush();
    }
  }

  async flush(): Promise<void> {
    const batch = this.outbox.splice(0);
    for (const message of batch) {
      await this.send(message);
    }
  }

  async unsubscribeLink(email: string): Promise<string> {
    // Pitfall: synchronous key derivation inside async code blocks the event loop
    // for as long as the 100 000 iterations take.
    const token = pbkdf2Sync(email, randomBytes(16), 100_000, 32, 'sha256').toString('hex');
    return `${this.endpoint}/unsubscribe?token=${token}`;
  }

  notifyShipped(email: string, orderId: number): void {
    // Pitfall: a chain with no rejection handler; a failed send is an unhandled rejection.
    this.send({ to: email, subject: `Order ${orderId} shipped`, body: 'On its way.' }).then(() => {
      console.log(`shipping mail sent for order ${orderId}`);
    });
  }
}
