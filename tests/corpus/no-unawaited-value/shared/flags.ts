// Feature flags fetched from a flag service.
export const flags = {
  async isEnabled(name: string): Promise<boolean> {
    return name.startsWith('beta');
  },
  async variant(name: string): Promise<'a' | 'b'> {
    return name.length % 2 === 0 ? 'a' : 'b';
  },
};
