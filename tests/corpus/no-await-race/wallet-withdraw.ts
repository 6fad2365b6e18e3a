// Two withdrawals of 80 from a balance of 100 both pass the check, both are
// recorded, and the balance ends at 20.
import type { Ledger } from './shared/services.js';

export class Wallet {
  private balance: number;

  constructor(
    initial: number,
    private readonly ledger: Ledger,
  ) {
    this.balance = initial;
  }

  async withdraw(amount: number): Promise<void> {
    const balance = this.balance;
    if (balance < amount) throw new Error('insufficient funds');
    await this.ledger.record({ type: 'withdraw', amount });
    this.balance = balance - amount; // expect-report
  }
}
