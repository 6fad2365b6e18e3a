export class OrderService {
  private readonly paid = new Set<string>();

  async isPaid(id: string): Promise<boolean> {
    return this.paid.has(id);
  }

  ship(id: string): string {
    if (this.isPaid(id)) { // expect-unawaited
      return `shipping ${id}`;
    }
    return `waiting for payment of ${id}`;
  }

  async describe(id: string): Promise<string> {
    const paid = this.isPaid(id);
    return paid ? 'paid' : 'unpaid'; // expect-unawaited
  }
}
