import { flags } from '../shared/flags.js';

export async function checkoutPage(): Promise<string> {
  if (await flags.isEnabled('beta-checkout')) {
    return 'new checkout';
  }
  return 'old checkout';
}

export async function pickLayout(): Promise<string> {
  return (await flags.variant('layout')) === 'a' ? 'grid' : 'list';
}
