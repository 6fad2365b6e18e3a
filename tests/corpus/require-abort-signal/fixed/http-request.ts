import http from 'node:http';

export function getStatus(host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname: host, port: 8080, path: '/status', method: 'GET', timeout: 5_000 }, (res) => {
      let data = '';
      res.on('data', (chunk: Buffer) => (data += chunk.toString()));
      res.on('end', () => resolve(data));
    });
    req.on('timeout', () => req.destroy(new Error('status request timed out')));
    req.on('error', reject);
    req.end();
  });
}
