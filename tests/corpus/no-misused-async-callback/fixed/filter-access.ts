import { canAccess } from './shared/db.js';

export async function visibleDocuments(userId: string, documents: { id: string; title: string }[]) {
  const allowed = await Promise.all(documents.map((document) => canAccess(userId, document.id)));
  return documents.filter((_document, index) => allowed[index]);
}
