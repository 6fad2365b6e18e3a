import { request } from 'undici';

export async function price(symbol: string): Promise<number> {
  const { statusCode, body } = await request(`https://quotes.example.com/${symbol}`, { signal: AbortSignal.timeout(3_000) });
  if (statusCode !== 200) throw new Error(`quotes: ${String(statusCode)}`);
  const data = (await body.json()) as { price: number };
  return data.price;
}
