// The permission check throws synchronously, the deletion rejects: the route's
// `.catch` only sees one of the two.
import { ForbiddenError, remove, type User } from './shared/store.js';

export function deleteProject(user: User, id: string) {
  if (!user.isAdmin) throw new ForbiddenError(`${user.id} may not delete ${id}`); // expect-report
  return remove('projects', id);
}
