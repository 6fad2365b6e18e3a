// Graceful shutdown of an HTTP API: the pool is asked to close and the process
// exits in the same tick, so open transactions are cut off and a failing
// `end()` is never seen.
import { createServer } from 'node:http';
import { Pool } from '../shared/db.js';

const pool = new Pool({ connectionString: process.env['DATABASE_URL'] ?? 'postgres://localhost/app', max: 10 });

const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(`ok ${req.url ?? '/'}`);
});

server.listen(Number(process.env['PORT'] ?? 3000));

function shutdown(signal: string): void {
  console.info(`received ${signal}, shutting down`);
  server.close();
  pool.end().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('pool did not close cleanly', error);
      process.exit(1);
    },
  );
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
