import cron from 'node-cron';
import { refresh } from './shared/cache.js';

export function scheduleRefresh() {
  setInterval(() => {
    refresh('exchange-rates').catch((error: unknown) => console.error('refresh failed', error));
  }, 60_000);
  return cron;
}
