import { db } from './shared/db.js';

export async function saveSettings(settings: Record<string, string>) {
  for (const [key, value] of Object.entries(settings)) {
    await db.insert('settings', { id: key, value });
  }
}
