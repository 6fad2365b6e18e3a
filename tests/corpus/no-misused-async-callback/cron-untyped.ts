import cron from 'node-cron';
import { refresh } from './shared/cache.js';

export function scheduleRefresh() {
  setInterval(async () => { // expect-misused
    await refresh('exchange-rates');
  }, 60_000);
  return cron;
}
