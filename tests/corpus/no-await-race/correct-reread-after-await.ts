// The shared value is read after the await: each update applies to the
// current value.
import { fetchCount, lookupItem, type Item } from './shared/services.js';

let grandTotal = 0;

export class Counter {
  private total = 0;
  items: Item[] = [];

  async add(source: string): Promise<void> {
    const count = await fetchCount(source);
    this.total += count;
  }

  async addItem(sku: string): Promise<void> {
    const item = await lookupItem(sku);
    this.items = [...this.items, item];
  }

  async addToGrandTotal(source: string): Promise<void> {
    const count = await fetchCount(source);
    grandTotal = grandTotal + count;
  }
}

export function total(): number {
  return grandTotal;
}
