import { db } from './shared/db.js';

interface MessageHandler {
  onMessage(topic: string, payload: string): void;
}

export class AuditHandler implements MessageHandler {
  onMessage(topic: string, payload: string) {
    db.insert('audit', { id: topic, payload }).catch((error: unknown) => console.error('audit failed', error));
  }
}
