// A chat transcript appended from a socket listener: lines are written out of
// order under load, and a full disk crashes the server.
import type { EventEmitter } from 'node:events';
import { appendFile } from 'node:fs/promises';

const transcript = {
  file: 'transcript.log',
  async append(line: string): Promise<void> {
    await appendFile(this.file, `${new Date().toISOString()} ${line}\n`);
  },
};

export function attach(socket: EventEmitter): void {
  socket.on('message', (data: Buffer) => {
    transcript.append(data.toString('utf8')).catch((error: unknown) => socket.emit('error', error));
  });
}
