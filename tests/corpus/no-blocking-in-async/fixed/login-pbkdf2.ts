import crypto = require('crypto');
import { promisify } from 'node:util';

interface UserRecord {
  salt: string;
  hash: string;
}

const pbkdf2 = promisify(crypto.pbkdf2);

export async function login(findUser: (name: string) => Promise<UserRecord | null>, name: string, password: string) {
  const user = await findUser(name);
  if (!user) return false;
  const hash = (await pbkdf2(password, user.salt, 310_000, 32, 'sha256')).toString('hex');
  return crypto.timingSafeEqual(Buffer.from(hash), Buffer.from(user.hash));
}
