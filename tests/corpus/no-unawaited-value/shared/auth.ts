// Tokens from an identity provider.
export const auth = {
  async getToken(): Promise<string> {
    return 'secret';
  },
  async canEdit(user: string, doc: string): Promise<boolean> {
    return user.length > 0 && doc.length > 0;
  },
};

export function memoize<F extends (...args: never[]) => unknown>(fn: F): F {
  return fn;
}
