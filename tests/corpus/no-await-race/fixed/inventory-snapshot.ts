import { reserveStock } from '../shared/services.js';

export class Inventory {
  constructor(private units: number) {}

  async reserve(sku: string): Promise<boolean> {
    if (this.units === 0) return false;
    this.units -= 1;
    try {
      await reserveStock(sku);
    } catch (error) {
      this.units += 1;
      throw error;
    }
    return true;
  }
}
