import { validateEmail } from '../shared/validation.js';

export async function register(email: string): Promise<string> {
  if (!(await validateEmail(email))) {
    return 'invalid email';
  }
  return 'registered';
}
