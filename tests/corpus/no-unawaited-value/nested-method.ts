interface Account {
  owner: { isVerified(): Promise<boolean>; name: string };
}

export async function canWithdraw(account: Account): Promise<boolean> {
  if (!account.owner.isVerified()) return false; // expect-unawaited
  return true;
}
