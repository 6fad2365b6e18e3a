export class PriceCache {
  private prices = new Map<string, number>();

  constructor(private readonly endpoint: string) {
    this.warm(); // expect-report
  }

  private async warm(): Promise<void> {
    const response = await fetch(`${this.endpoint}/prices`);
    const body = (await response.json()) as Record<string, number>;
    this.prices = new Map(Object.entries(body));
  }

  price(sku: string): number | undefined {
    return this.prices.get(sku);
  }
}
