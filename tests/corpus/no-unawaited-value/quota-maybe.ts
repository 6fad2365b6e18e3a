import { checkQuota } from './shared/validation.js';

export async function upload(user: string): Promise<string> {
  if (checkQuota(user)) { // expect-unawaited typed-only
    return 'uploaded';
  }
  return 'quota exceeded';
}
