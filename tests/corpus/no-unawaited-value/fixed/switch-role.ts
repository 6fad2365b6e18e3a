import { getRole } from '../shared/users.js';

export async function dashboardFor(id: string): Promise<string> {
  switch (await getRole(id)) {
    case 'admin':
      return 'admin dashboard';
    case 'editor':
      return 'editor dashboard';
    default:
      return 'viewer dashboard';
  }
}
