import { isDeliverable } from './shared/mailer.js';

export async function reachable(addresses: string[]) {
  const flags = (await Promise.all(addresses.map(async (address) => isDeliverable(address)))).filter(Boolean);
  return flags.length;
}
