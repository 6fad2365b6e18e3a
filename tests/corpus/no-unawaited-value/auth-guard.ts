import type { Request, Response } from './shared/http.js';
import { isAdmin } from './shared/users.js';
import { auth } from './shared/auth.js';

export async function deleteProject(req: Request, res: Response): Promise<void> {
  const userId = req.params.user ?? '';
  if (!isAdmin(userId)) { // expect-unawaited
    res.status(403).send('admins only');
    return;
  }
  res.status(204).send('');
}

export async function editDocument(req: Request, res: Response): Promise<void> {
  const allowed = auth.canEdit(req.params.user ?? '', req.params.doc ?? '');
  if (allowed) { // expect-unawaited
    res.json({ ok: true });
  }
}
