export async function search(query: string, signal: AbortSignal): Promise<{ hits: unknown; facets: unknown }> {
  const hits = await (await fetch(`/search?q=${encodeURIComponent(query)}`, { signal })).json();
  const facets = await (await fetch(`/facets?q=${encodeURIComponent(query)}`, { signal })).json();
  return { hits, facets };
}
