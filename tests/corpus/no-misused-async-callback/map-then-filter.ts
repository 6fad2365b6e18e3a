import { isDeliverable } from './shared/mailer.js';

export async function reachable(addresses: string[]) {
  const flags = addresses.map(async (address) => isDeliverable(address)).filter(Boolean); // expect-misused
  return flags.length;
}
