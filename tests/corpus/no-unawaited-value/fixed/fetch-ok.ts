export async function download(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`download failed: ${url}`);
  }
  return 'ok';
}
