import { stat } from 'node:fs/promises';

let bytesUploaded = 0;

export async function recordUpload(path: string): Promise<number> {
  const { size } = await stat(path);
  bytesUploaded += size;
  return bytesUploaded;
}

export function uploadedSoFar(): number {
  return bytesUploaded;
}
