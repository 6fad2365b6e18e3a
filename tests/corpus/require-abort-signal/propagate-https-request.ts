// Report download that receives a signal and starts an https request without
// it: aborting the export leaves the download running.
import https from 'node:https';

export function fetchReport(url: string, { signal }: { signal: AbortSignal }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    const req = https.request(url, { method: 'GET' }, (res) => { // expect-report
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    });
    req.on('error', reject);
    req.end();
  });
}
