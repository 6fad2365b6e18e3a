import pLimit from 'p-limit';

export async function crawl(links: readonly string[]): Promise<PromiseSettledResult<Response>[]> {
  const limit = pLimit(4);
  const results = await Promise.allSettled(links.map((url) => limit(() => fetch(url))));
  return results;
}
