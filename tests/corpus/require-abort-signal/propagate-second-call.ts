// Search-as-you-type: the first request is cancelled with the keystroke, the
// follow-up request for facets is not.
export async function search(query: string, signal: AbortSignal): Promise<{ hits: unknown; facets: unknown }> {
  const hits = await (await fetch(`/search?q=${encodeURIComponent(query)}`, { signal })).json();
  const facets = await (await fetch(`/facets?q=${encodeURIComponent(query)}`)).json(); // expect-report
  return { hits, facets };
}
