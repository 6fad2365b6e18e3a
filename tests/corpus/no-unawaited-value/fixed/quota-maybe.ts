import { checkQuota } from '../shared/validation.js';

export async function upload(user: string): Promise<string> {
  if (await checkQuota(user)) {
    return 'uploaded';
  }
  return 'quota exceeded';
}
