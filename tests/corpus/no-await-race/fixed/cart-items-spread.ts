import { lookupItem, type Item } from '../shared/services.js';

export class Cart {
  items: Item[] = [];

  async add(sku: string): Promise<void> {
    const item = await lookupItem(sku);
    this.items = [...this.items, item];
  }
}
