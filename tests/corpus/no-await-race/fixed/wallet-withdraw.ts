import type { Ledger } from '../shared/services.js';

export class Wallet {
  private balance: number;

  constructor(
    initial: number,
    private readonly ledger: Ledger,
  ) {
    this.balance = initial;
  }

  async withdraw(amount: number): Promise<void> {
    if (this.balance < amount) throw new Error('insufficient funds');
    this.balance -= amount;
    try {
      await this.ledger.record({ type: 'withdraw', amount });
    } catch (error) {
      this.balance += amount;
      throw error;
    }
  }
}
