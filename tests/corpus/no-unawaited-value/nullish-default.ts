import { loadSettings } from './shared/config.js';

const DEFAULTS = { theme: 'light' };

export async function themeFor(userId: string): Promise<string> {
  const settings = loadSettings(userId) ?? DEFAULTS; // expect-unawaited
  return settings.theme ?? 'light';
}
