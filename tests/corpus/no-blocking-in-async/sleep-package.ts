import * as sleep from 'sleep';

export async function throttledSend(messages: string[], send: (message: string) => Promise<void>) {
  for (const message of messages) {
    await send(message);
    sleep.msleep(200); // expect-report
  }
}
