import { insertRow, type Row } from '../shared/services.js';

let processed = 0;

export async function ingest(batch: readonly Row[]): Promise<void> {
  for (const row of batch) {
    const inserted = await insertRow(row);
    processed += inserted;
  }
}

export function processedRows(): number {
  return processed;
}
