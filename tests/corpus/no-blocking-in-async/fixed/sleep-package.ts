import { setTimeout } from 'node:timers/promises';

export async function throttledSend(messages: string[], send: (message: string) => Promise<void>) {
  for (const message of messages) {
    await send(message);
    await setTimeout(200);
  }
}
