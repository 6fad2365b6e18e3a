import { ping } from '../shared/services.js';

export class HealthCheck {
  private failures = 0;

  constructor(private readonly url: string) {}

  async probe(): Promise<void> {
    const healthy = await ping(this.url);
    if (!healthy) this.failures += 1;
  }

  get open(): boolean {
    return this.failures >= 3;
  }
}
