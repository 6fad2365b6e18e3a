import * as http from 'node:http';

export function sidecarReady(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2_000 }, (res) => resolve(res.statusCode === 200))
      .on('timeout', () => resolve(false))
      .on('error', () => resolve(false));
  });
}
