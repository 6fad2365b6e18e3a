// Two orders for the last unit: both see `available === 1`, both reserve,
// and the stock ends at 0 instead of -1 being refused.
import { reserveStock } from './shared/services.js';

export class Inventory {
  constructor(private units: number) {}

  async reserve(sku: string): Promise<boolean> {
    const available = this.units;
    if (available === 0) return false;
    await reserveStock(sku);
    this.units = available - 1; // expect-report
    return true;
  }
}
