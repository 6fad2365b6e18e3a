export interface Order {
  id: string;
  customerId: string;
  total: number;
  createdAt: Date;
}

const saved: Order[] = [];
const trail: string[] = [];

export async function saveOrder(order: Order): Promise<void> {
  if (order.total < 0) throw new RangeError(`order ${order.id} has a negative total`);
  saved.push(order);
}

export function audit(event: string, subject: string): void {
  trail.push(`${new Date().toISOString()} ${event} ${subject}`);
}
