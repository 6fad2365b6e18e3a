import { ForbiddenError, remove, type User } from '../shared/store.js';

export async function deleteProject(user: User, id: string) {
  if (!user.isAdmin) throw new ForbiddenError(`${user.id} may not delete ${id}`);
  return remove('projects', id);
}
