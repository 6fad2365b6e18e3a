// Adding two items quickly: both spreads copy the empty list, the cart ends
// with one item.
import { lookupItem, type Item } from './shared/services.js';

export class Cart {
  items: Item[] = [];

  async add(sku: string): Promise<void> {
    this.items = [...this.items, await lookupItem(sku)]; // expect-report
  }
}
