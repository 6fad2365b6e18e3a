import { readFile } from 'node:fs/promises';

/** Uploads a file to object storage and resolves to its public URL. */
export async function uploadFile(localPath: string, key: string): Promise<string> {
  const body = await readFile(localPath);
  const response = await fetch(`https://storage.example.com/bucket/${key}`, { method: 'PUT', body });
  if (!response.ok) throw new Error(`upload of ${key} failed with ${response.status}`);
  return `https://cdn.example.com/${key}`;
}

export async function resizeImage(localPath: string, width: number): Promise<string> {
  const source = await readFile(localPath);
  return `${localPath}@${width}w (${source.byteLength} bytes)`;
}
