import { db } from './shared/db.js';

export async function importCsv(lines: string[]) {
  const rows = lines.slice(1).map((line) => line.split(','));
  rows.forEach(async ([id, name], index) => { // expect-misused
    if (!id) return;
    await db.insert('customers', { id, name, line: index + 2 });
  });
  return rows.length;
}
