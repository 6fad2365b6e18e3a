import { statSync } from 'node:fs';

export async function largestFiles(list: () => Promise<string[]>) {
  const files = await list();
  return files
    .map((file) => ({ file, size: statSync(file).size })) // expect-report
    .sort((a, b) => b.size - a.size)
    .slice(0, 10);
}
