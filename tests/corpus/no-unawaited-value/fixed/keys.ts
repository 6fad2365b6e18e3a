import { loadPermissions } from '../shared/users.js';

export async function grantedPermissions(id: string): Promise<string[]> {
  const permissions = await loadPermissions(id);
  return Object.keys(permissions);
}
