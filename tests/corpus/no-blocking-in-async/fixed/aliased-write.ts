import { writeFile as save, mkdir as ensureDir } from 'fs/promises';

export async function exportCsv(rows: string[][], file: string, fetchMore: () => Promise<string[][]>) {
  const more = await fetchMore();
  await ensureDir('exports', { recursive: true });
  await save(file, [...rows, ...more].map((row) => row.join(',')).join('\n'));
}
