import { logger } from '../shared/logger.js';
import { getUser } from '../shared/users.js';

export async function audit(id: string): Promise<void> {
  const user = await getUser(id);
  console.log('audit', user);
  logger.info('audited user', await getUser(id));
}
