import crypto = require('crypto');

interface UserRecord {
  salt: string;
  hash: string;
}

export async function login(findUser: (name: string) => Promise<UserRecord | null>, name: string, password: string) {
  const user = await findUser(name);
  if (!user) return false;
  const hash = crypto.pbkdf2Sync(password, user.salt, 310_000, 32, 'sha256').toString('hex'); // expect-report
  return crypto.timingSafeEqual(Buffer.from(hash), Buffer.from(user.hash));
}
