// Implementing an interface that declares promise-returning methods.
import { db } from './shared/db.js';

interface Repository {
  save(id: string): Promise<void>;
  onChange?: (id: string) => Promise<void> | void;
}

export class UserRepository implements Repository {
  async save(id: string) {
    await db.insert('users', { id });
  }

  onChange = async (id: string) => {
    await db.insert('changes', { id });
  };
}
