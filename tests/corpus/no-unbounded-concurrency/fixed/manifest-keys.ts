import pMap from 'p-map';

export async function warm(manifest: Record<string, string>, origin: string): Promise<void> {
  await pMap(
    Object.keys(manifest),
    async (key) => {
      const res = await fetch(new URL(manifest[key] ?? key, origin), { method: 'HEAD' });
      if (!res.ok) throw new Error(`${key}: ${String(res.status)}`);
    },
    { concurrency: 8 },
  );
}
