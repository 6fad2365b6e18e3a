import { parse } from 'csv-parse/sync';
import pMap from 'p-map';
import { insertRow } from '../shared/db.js';

export async function importCsv(text: string): Promise<number> {
  const rows = parse(text, { columns: true });
  await pMap(
    rows,
    async (row) => {
      await insertRow('contacts', row);
    },
    { concurrency: 10 },
  );
  return rows.length;
}
