export async function allPages(base: string): Promise<unknown[]> {
  const first = (await (await fetch(`${base}?page=1`)).json()) as { pages: number };
  const pages: unknown[] = [];
  for (let i = 0; i < first.pages; i++) {
    pages.push(await (await fetch(`${base}?page=${String(i + 1)}`)).json());
  }
  return pages;
}
