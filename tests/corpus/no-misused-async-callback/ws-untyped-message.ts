import { WebSocketServer } from 'ws';
import { db } from './shared/db.js';

const wss = new WebSocketServer({ port: 8080 });

wss.on('connection', (socket: any) => {
  socket.on('message', async (data: Buffer) => { // expect-misused
    await db.insert('messages', { id: String(Date.now()), body: data.toString() });
  });
});
