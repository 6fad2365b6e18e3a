import { isDeliverable } from './shared/mailer.js';

export async function cleanMailingList(addresses: string[]) {
  const deliverable = addresses.filter(isDeliverable); // expect-misused
  return deliverable;
}
