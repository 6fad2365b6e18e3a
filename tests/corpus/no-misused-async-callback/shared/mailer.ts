// A mail client: every call is a network round-trip that can fail.
export interface Mail {
  to: string;
  subject: string;
  body: string;
}

export async function sendMail(mail: Mail): Promise<void> {
  if (!mail.to.includes('@')) throw new Error(`invalid recipient ${mail.to}`);
  await new Promise((resolve) => setTimeout(resolve, 5));
}

export async function isDeliverable(address: string): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return address.endsWith('.com');
}
