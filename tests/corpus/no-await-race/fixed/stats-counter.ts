import { fetchCount } from '../shared/services.js';

export class DownloadStats {
  private total = 0;

  async addSource(source: string): Promise<void> {
    const count = await fetchCount(source);
    this.total += count;
  }

  get downloads(): number {
    return this.total;
  }
}
