// Older service code on node-fetch; same hazard as the global fetch.
import fetch from 'node-fetch';

export async function exchangeRate(from: string, to: string): Promise<number> {
  const res = await fetch(`https://fx.example.com/rate?from=${from}&to=${to}`, { headers: { accept: 'application/json' } }); // expect-report
  const data = (await res.json()) as { rate: number };
  return data.rate;
}
