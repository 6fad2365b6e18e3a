export async function download(mirrors: readonly string[], file: string): Promise<ArrayBuffer> {
  for (const mirror of mirrors) {
    const r = await fetch(`${mirror}/${file}`);
    if (r.ok) return r.arrayBuffer();
  }
  throw new Error(`no mirror has ${file}`);
}
