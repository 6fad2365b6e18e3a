// Webhook fan-out with bare `fetch` calls in a loop: an unreachable subscriber
// is an unhandled rejection that takes the whole worker down.
import { createHmac } from 'node:crypto';

export interface Webhook {
  url: string;
  secret: string;
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export function deliver(hooks: readonly Webhook[], event: string, payload: unknown): void {
  const body = JSON.stringify({ event, payload, sentAt: new Date().toISOString() });
  for (const hook of hooks) {
    fetch(hook.url, { // expect-floating
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': sign(body, hook.secret) },
      body,
    });
  }
}
