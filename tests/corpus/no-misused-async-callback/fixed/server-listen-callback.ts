import { createServer } from 'node:http';
import { db } from './shared/db.js';
import { warm } from './shared/cache.js';

const server = createServer((_request, response) => response.end('ok'));

await db.connect();
await warm();
server.listen(3000, () => {
  console.log('ready on :3000');
});
