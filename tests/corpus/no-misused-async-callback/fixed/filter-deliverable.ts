import { isDeliverable } from './shared/mailer.js';

export async function cleanMailingList(addresses: string[]) {
  const checks = await Promise.all(addresses.map(isDeliverable));
  return addresses.filter((_address, index) => checks[index]);
}
