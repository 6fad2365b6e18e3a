import { flags } from './shared/flags.js';

export function checkoutPage(): string {
  if (flags.isEnabled('beta-checkout')) { // expect-unawaited
    return 'new checkout';
  }
  return 'old checkout';
}

export async function pickLayout(): Promise<string> {
  return flags.variant('layout') === 'a' ? 'grid' : 'list'; // expect-unawaited
}
