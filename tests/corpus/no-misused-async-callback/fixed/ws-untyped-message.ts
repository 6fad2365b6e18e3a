import { WebSocketServer } from 'ws';
import { db } from './shared/db.js';

const wss = new WebSocketServer({ port: 8080 });

wss.on('connection', (socket: any) => {
  socket.on('message', (data: Buffer) => {
    db.insert('messages', { id: String(Date.now()), body: data.toString() }).catch((error: unknown) => {
      socket.send(JSON.stringify({ error: String(error) }));
    });
  });
});
