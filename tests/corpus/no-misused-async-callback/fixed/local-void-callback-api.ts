import { db } from './shared/db.js';

const shutdownHooks: (() => Promise<void> | void)[] = [];

export function onShutdown(hook: () => Promise<void> | void) {
  shutdownHooks.push(hook);
}

onShutdown(async () => {
  await db.close();
});
