// Probes run on an interval and overlap when the target is slow; overlapping
// probes count a failure once instead of twice, so the breaker opens late.
import { ping } from './shared/services.js';

export class HealthCheck {
  private failures = 0;

  constructor(private readonly url: string) {}

  async probe(): Promise<void> {
    this.failures = this.failures + ((await ping(this.url)) ? 0 : 1); // expect-report
  }

  get open(): boolean {
    return this.failures >= 3;
  }
}
