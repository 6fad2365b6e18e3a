import { db } from './shared/db.js';

interface MessageHandler {
  onMessage(topic: string, payload: string): void;
}

export class AuditHandler implements MessageHandler {
  async onMessage(topic: string, payload: string) { // expect-misused
    await db.insert('audit', { id: topic, payload });
  }
}
