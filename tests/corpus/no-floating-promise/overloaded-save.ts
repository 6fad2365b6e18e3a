// A Mongoose-style document whose `save()` returns a promise unless given a
// callback: called without either, a validation error disappears.
interface Document {
  save(): Promise<this>;
  save(callback: (error: Error | null) => void): void;
}

interface UserDocument extends Document {
  email: string;
  lastLoginAt: Date | null;
  loginCount: number;
}

export async function recordLogin(user: UserDocument): Promise<void> {
  user.lastLoginAt = new Date();
  user.loginCount += 1;
  user.save(); // expect-floating
}
