// A readiness probe for a sidecar: if the sidecar hangs, the probe hangs with
// it and the orchestrator never sees a failure.
import * as http from 'node:http';

export function sidecarReady(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/healthz' }, (res) => resolve(res.statusCode === 200)) // expect-report
      .on('error', () => resolve(false));
  });
}
