// An audit trail kept as one string: entries formatted concurrently overwrite
// each other's appends.
import { render } from './shared/services.js';

export class AuditTrail {
  private text = '';

  async append(event: string): Promise<void> {
    this.text = this.text + (await render(event)) + '\n'; // expect-report
  }

  toString(): string {
    return this.text;
  }
}
