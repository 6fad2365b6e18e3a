import { loadPermissions } from './shared/users.js';

export async function grantedPermissions(id: string): Promise<string[]> {
  const permissions = loadPermissions(id);
  return Object.keys(permissions); // expect-unawaited
}
