import { db } from './shared/db.js';

export async function saveSettings(settings: Record<string, string>) {
  Object.entries(settings).forEach(async ([key, value]) => { // expect-misused
    await db.insert('settings', { id: key, value });
  });
}
