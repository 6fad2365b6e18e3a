import fetch from 'node-fetch';

export async function exchangeRate(from: string, to: string): Promise<number> {
  const res = await fetch(`https://fx.example.com/rate?from=${from}&to=${to}`, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(5_000),
  });
  const data = (await res.json()) as { rate: number };
  return data.rate;
}
