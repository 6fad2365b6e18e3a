async function loadRates(currency: string): Promise<Record<string, number>> {
  const response = await fetch(`https://rates.example/${currency}`);
  return (await response.json()) as Record<string, number>;
}

export class Converter {
  private rates: Record<string, number> = {};

  constructor(currency: string) {
    loadRates(currency) // expect-report
      .then((rates) => {
        this.rates = rates;
      })
      .catch((error: unknown) => console.error('rates unavailable', error));
  }

  convert(amount: number, to: string) {
    return amount * (this.rates[to] ?? Number.NaN);
  }
}
