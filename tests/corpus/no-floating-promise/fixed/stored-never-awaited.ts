// The write is started and kept in a variable "to await later", and later never
// comes: the function returns a path to a file that may not exist yet.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ExportJob {
  directory: string;
  rows: readonly Record<string, unknown>[];
}

export async function exportRows(job: ExportJob): Promise<string> {
  const target = path.join(job.directory, `export-${Date.now()}.json`);
  const written = writeFile(target, JSON.stringify(job.rows, null, 2));
  console.info(`exporting ${job.rows.length} rows to ${target}`);
  await written;
  return target;
}
