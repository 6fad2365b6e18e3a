import { loadSettings } from '../shared/config.js';

const DEFAULTS = { theme: 'light' };

export async function themeFor(userId: string): Promise<string> {
  const settings = (await loadSettings(userId)) ?? DEFAULTS;
  return settings.theme ?? 'light';
}
