import type { Request, Response } from '../shared/http.js';
import { loadReport } from '../shared/orders.js';
import { getUser } from '../shared/users.js';

export async function showUser(req: Request, res: Response): Promise<void> {
  res.json(await getUser(req.params.id ?? ''));
}

export async function exportReport(req: Request): Promise<string> {
  return JSON.stringify(await loadReport(req.params.month ?? ''));
}
