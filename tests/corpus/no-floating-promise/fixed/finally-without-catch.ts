// A "load more" handler with `.finally` but no `.catch`: the spinner stops,
// and the failed request becomes an unhandled rejection.
import { useState } from '../shared/hooks.js';

interface Item {
  id: string;
  title: string;
}

async function loadItems(page: number): Promise<Item[]> {
  const response = await fetch(`/api/items?page=${page}`);
  if (!response.ok) throw new Error(`items request failed with ${response.status}`);
  return (await response.json()) as Item[];
}

export function useItems(): { items: Item[]; loading: boolean; loadMore(page: number): void } {
  const [items, setItems] = useState<Item[]>([]);
  const [loading, setLoading] = useState(false);

  function loadMore(page: number): void {
    setLoading(true);
    loadItems(page)
      .then((next) => setItems((previous) => [...previous, ...next]))
      .catch((error: unknown) => console.error('could not load more items', error))
      .finally(() => setLoading(false));
  }

  return { items, loading, loadMore };
}
