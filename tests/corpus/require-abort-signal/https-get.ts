// Downloads a release asset with https.get and no timeout.
import https from 'node:https';
import { createWriteStream } from 'node:fs';

export function downloadAsset(url: string, dest: string): Promise<void> {
  return new Promise((resolve, reject) => {
    https
      .get(url, (res) => { // expect-report
        res.pipe(createWriteStream(dest)).on('finish', resolve).on('error', reject);
      })
      .on('error', reject);
  });
}
