// A crawler fetching every link found on a page in one go; a sitemap page
// with 10k links floods the target and gets the crawler banned.
export async function crawl(links: readonly string[]): Promise<PromiseSettledResult<Response>[]> {
  const results = await Promise.allSettled(links.map((url) => fetch(url))); // expect-report
  return results;
}
