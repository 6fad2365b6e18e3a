// Access logging from a sync middleware: the async arrow's promise is dropped,
// so log lines interleave and a failed append crashes the server.
import { appendFile } from 'node:fs/promises';
import type { Next, Request, Response } from '../shared/http.js';

const writeAccessLog = async (req: Request): Promise<void> => {
  const line = `${new Date().toISOString()} ${req.method} ${req.path} ${req.headers['user-agent'] ?? '-'}\n`;
  await appendFile('access.log', line);
};

export function accessLog(req: Request, res: Response, next: Next): void {
  writeAccessLog(req).then(() => next(), next);
}
