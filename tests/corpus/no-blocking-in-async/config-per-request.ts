import { readFileSync } from 'node:fs';
import { app } from './shared/http.js';

function readFeatureFlags(): Record<string, boolean> {
  return JSON.parse(readFileSync('flags.json', 'utf8')) as Record<string, boolean>;
}

app.get('/checkout', async (_req, res) => {
  const flags = readFeatureFlags(); // expect-report
  res.json({ newCheckout: flags['new-checkout'] === true });
});
