// A payment provider client.
export async function charge(orderId: string, amount: number): Promise<string> {
  if (amount <= 0) throw new Error(`nothing to charge for ${orderId}`);
  return `ch_${orderId}`;
}

export async function refund(chargeId: string): Promise<void> {
  if (!chargeId.startsWith('ch_')) throw new Error(`unknown charge ${chargeId}`);
}

export async function priceOf(sku: string): Promise<number> {
  return sku.length * 100;
}

export async function riskScore(orderId: string): Promise<number> {
  return orderId.length % 10;
}
