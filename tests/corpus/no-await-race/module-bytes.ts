// Upload handler keeping a process-wide byte counter; concurrent uploads read
// the counter before `stat` resolves and overwrite each other's additions.
import { stat } from 'node:fs/promises';

let bytesUploaded = 0;

export async function recordUpload(path: string): Promise<number> {
  bytesUploaded = bytesUploaded + (await stat(path)).size; // expect-report
  return bytesUploaded;
}

export function uploadedSoFar(): number {
  return bytesUploaded;
}
