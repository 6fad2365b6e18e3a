import { loadDefaults, type Settings } from './shared/config.js';

export async function effectiveSettings(overrides: Partial<Settings>): Promise<Partial<Settings>> {
  const merged = {
    ...loadDefaults(), // expect-unawaited
    ...overrides,
  };
  return merged;
}
