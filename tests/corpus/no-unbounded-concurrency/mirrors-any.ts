// Downloads a package from whichever mirror answers first, asking every
// configured mirror at once, and the losers keep downloading.
export async function download(mirrors: readonly string[], file: string): Promise<ArrayBuffer> {
  const res = await Promise.any(mirrors.map(async (mirror) => { // expect-report
    const r = await fetch(`${mirror}/${file}`);
    if (!r.ok) throw new Error(String(r.status));
    return r;
  }));
  return res.arrayBuffer();
}
