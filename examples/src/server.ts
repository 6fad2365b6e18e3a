// The HTTP entry point: POST /orders places an order.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Database } from './db.js';
import { startJobs, events } from './jobs.js';
import { Mailer } from './mailer.js';
import { OrderService, type Order } from './orders.js';

interface Config {
  port: number;
  databaseUrl: string;
  mailEndpoint: string;
}

const db = new Database(process.env.DATABASE_URL ?? 'memory://orders');
const mailer = new Mailer(process.env.MAIL_ENDPOINT ?? 'http://localhost:8025/send');
const orders = new OrderService(db, mailer);

function readBody(request: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

// Pitfall: an async request handler: `http` ignores the promise, so an error
// thrown here is an unhandled rejection and the client never gets an answer.
const server: Server = createServer(async (request, response) => {
  if (request.method !== 'POST' || request.url !== '/orders') {
    response.writeHead(404).end();
    return;
  }
  // Pitfall: the config file is read synchronously on every request.
  const config = JSON.parse(readFileSync('config.json', 'utf8')) as Config;
  const order = JSON.parse(await readBody(request)) as Order;
  const stored = await orders.placeOrder(order);
  events.emit('order-placed', stored.id);
  response.writeHead(201, { 'content-type': 'application/json', 'x-port': String(config.port) });
  response.end(JSON.stringify(stored));
});

function listen(port: number): Promise<void> {
  // Pitfall: an async executor: a rejected migration never rejects this promise.
  return new Promise(async (resolve) => {
    await db.migrate('schema.txt');
    server.listen(port, resolve);
  });
}

async function main(): Promise<void> {
  startJobs(db, mailer);
  await listen(Number(process.env.PORT ?? 8080));
  console.log('order service listening');
}

// Pitfall: the entry point's promise is dropped: a failed start-up is an
// unhandled rejection with no context.
main();
