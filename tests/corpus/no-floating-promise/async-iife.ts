// Boot code in an async IIFE with no handler: a failed migration leaves a
// process that is neither serving nor exiting with an error.
import { createServer } from 'node:http';
import { Pool } from './shared/db.js';

const pool = new Pool({ connectionString: process.env['DATABASE_URL'] ?? 'postgres://localhost/app' });

async function migrate(): Promise<void> {
  await pool.query('create table if not exists visits (id serial primary key, at timestamptz not null)');
}

(async () => { // expect-floating
  await migrate();
  createServer((req, res) => res.end(`hello ${req.url ?? ''}`)).listen(8080);
})();
