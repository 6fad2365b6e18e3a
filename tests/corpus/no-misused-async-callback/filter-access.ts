import { canAccess } from './shared/db.js';

export async function visibleDocuments(userId: string, documents: { id: string; title: string }[]) {
  return documents.filter(async (document) => await canAccess(userId, document.id)); // expect-misused
}
