import { createServer } from 'node:http';
import { db } from './shared/db.js';
import { warm } from './shared/cache.js';

const server = createServer((_request, response) => response.end('ok'));

server.listen(3000, async () => { // expect-misused
  await db.connect();
  await warm();
  console.log('ready on :3000');
});
