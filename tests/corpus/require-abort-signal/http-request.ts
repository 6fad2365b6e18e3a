// A hand-rolled client for an internal service over node:http; a stalled
// upstream keeps the socket (and the caller) waiting indefinitely.
import http from 'node:http';

export function getStatus(host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname: host, port: 8080, path: '/status', method: 'GET' }, (res) => { // expect-report
      let data = '';
      res.on('data', (chunk: Buffer) => (data += chunk.toString()));
      res.on('end', () => resolve(data));
    });
    req.on('error', reject);
    req.end();
  });
}
