// Two sources added at once: both read `total` before their fetch resolves,
// so the second write drops the first one's count.
import { fetchCount } from './shared/services.js';

export class DownloadStats {
  private total = 0;

  async addSource(source: string): Promise<void> {
    this.total += await fetchCount(source); // expect-report
  }

  get downloads(): number {
    return this.total;
  }
}
