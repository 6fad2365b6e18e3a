import { validateEmail } from './shared/validation.js';

export async function register(email: string): Promise<string> {
  if (!validateEmail(email)) { // expect-unawaited typed-only
    return 'invalid email';
  }
  return 'registered';
}
