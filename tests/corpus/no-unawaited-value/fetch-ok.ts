export async function download(url: string): Promise<string> {
  const response = fetch(url);
  if (!response.ok) { // expect-unawaited
    throw new Error(`download failed: ${url}`);
  }
  return 'ok';
}
