import { stat } from 'node:fs/promises';

export async function largestFiles(list: () => Promise<string[]>) {
  const files = await list();
  const sized = await Promise.all(files.map(async (file) => ({ file, size: (await stat(file)).size })));
  return sized.sort((a, b) => b.size - a.size).slice(0, 10);
}
