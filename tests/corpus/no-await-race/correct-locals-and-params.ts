// Accumulators that live in one call: nothing else can run against them.
import { fetchCount, insertRow, type Row } from './shared/services.js';

export async function totalDownloads(sources: readonly string[]): Promise<number> {
  let total = 0;
  for (const source of sources) {
    total += await fetchCount(source);
  }
  return total;
}

export async function insertAll(rows: readonly Row[], summary: { inserted: number }): Promise<{ inserted: number }> {
  const result = { inserted: 0, failed: 0 };
  for (const row of rows) {
    result.inserted = result.inserted + (await insertRow(row));
  }
  summary.inserted += result.inserted;
  return result;
}

export async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  let buffer = Buffer.alloc(0);
  for await (const chunk of stream) {
    buffer = Buffer.concat([buffer, chunk]);
  }
  return buffer;
}
