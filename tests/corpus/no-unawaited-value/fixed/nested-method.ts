interface Account {
  owner: { isVerified(): Promise<boolean>; name: string };
}

export async function canWithdraw(account: Account): Promise<boolean> {
  if (!(await account.owner.isVerified())) return false;
  return true;
}
