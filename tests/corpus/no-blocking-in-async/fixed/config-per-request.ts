import { readFile } from 'node:fs/promises';
import { app } from '../shared/http.js';

async function readFeatureFlags(): Promise<Record<string, boolean>> {
  return JSON.parse(await readFile('flags.json', 'utf8')) as Record<string, boolean>;
}

app.get('/checkout', async (_req, res) => {
  const flags = await readFeatureFlags();
  res.json({ newCheckout: flags['new-checkout'] === true });
});
