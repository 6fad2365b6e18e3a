async function loadRates(currency: string): Promise<Record<string, number>> {
  const response = await fetch(`https://rates.example/${currency}`);
  return (await response.json()) as Record<string, number>;
}

export class Converter {
  private constructor(private readonly rates: Record<string, number>) {}

  static async create(currency: string): Promise<Converter> {
    return new Converter(await loadRates(currency));
  }

  convert(amount: number, to: string) {
    return amount * (this.rates[to] ?? Number.NaN);
  }
}
