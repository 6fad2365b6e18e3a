import { logger } from './shared/logger.js';
import { getUser } from './shared/users.js';

export async function audit(id: string): Promise<void> {
  const user = getUser(id);
  console.log('audit', user); // expect-unawaited
  logger.info('audited user', getUser(id)); // expect-unawaited typed-only
}
