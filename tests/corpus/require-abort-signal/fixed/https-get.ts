import https from 'node:https';
import { createWriteStream } from 'node:fs';

export function downloadAsset(url: string, dest: string): Promise<void> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { signal: AbortSignal.timeout(30_000) }, (res) => {
        res.pipe(createWriteStream(dest)).on('finish', resolve).on('error', reject);
      })
      .on('error', reject);
  });
}
