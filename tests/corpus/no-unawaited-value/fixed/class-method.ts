export class OrderService {
  private readonly paid = new Set<string>();

  async isPaid(id: string): Promise<boolean> {
    return this.paid.has(id);
  }

  async ship(id: string): Promise<string> {
    if (await this.isPaid(id)) {
      return `shipping ${id}`;
    }
    return `waiting for payment of ${id}`;
  }

  async describe(id: string): Promise<string> {
    const paid = await this.isPaid(id);
    return paid ? 'paid' : 'unpaid';
  }
}
