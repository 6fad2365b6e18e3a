export class PriceCache {
  private constructor(private readonly prices: Map<string, number>) {}

  static async load(endpoint: string): Promise<PriceCache> {
    const response = await fetch(`${endpoint}/prices`);
    const body = (await response.json()) as Record<string, number>;
    return new PriceCache(new Map(Object.entries(body)));
  }

  price(sku: string): number | undefined {
    return this.prices.get(sku);
  }
}
