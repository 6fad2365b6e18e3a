import type { Request, Response } from './shared/http.js';
import { loadReport } from './shared/orders.js';
import { getUser } from './shared/users.js';

export async function showUser(req: Request, res: Response): Promise<void> {
  res.json(getUser(req.params.id ?? '')); // expect-unawaited typed-only
}

export async function exportReport(req: Request): Promise<string> {
  return JSON.stringify(loadReport(req.params.month ?? '')); // expect-unawaited
}
