import { db } from './shared/db.js';

const shutdownHooks: (() => void)[] = [];

export function onShutdown(hook: () => void) {
  shutdownHooks.push(hook);
}

onShutdown(async () => { // expect-misused
  await db.close();
});
