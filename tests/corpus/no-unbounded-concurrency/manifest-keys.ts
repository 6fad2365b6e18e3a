// Warms a CDN for every asset in the manifest, all requests at once.
export async function warm(manifest: Record<string, string>, origin: string): Promise<void> {
  await Promise.all(Object.keys(manifest).map(async (key) => { // expect-report
    const res = await fetch(new URL(manifest[key] ?? key, origin), { method: 'HEAD' });
    if (!res.ok) throw new Error(`${key}: ${String(res.status)}`);
  }));
}
