import { render } from '../shared/services.js';

export class AuditTrail {
  private text = '';

  async append(event: string): Promise<void> {
    const line = await render(event);
    this.text = this.text + line + '\n';
  }

  toString(): string {
    return this.text;
  }
}
