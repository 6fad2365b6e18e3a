// undici's request used for a price lookup, with no signal: undici's own
// default timeouts are minutes long.
import { request } from 'undici';

export async function price(symbol: string): Promise<number> {
  const { statusCode, body } = await request(`https://quotes.example.com/${symbol}`); // expect-report
  if (statusCode !== 200) throw new Error(`quotes: ${String(statusCode)}`);
  const data = (await body.json()) as { price: number };
  return data.price;
}
