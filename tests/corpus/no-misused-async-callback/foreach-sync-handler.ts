import { refresh } from './shared/cache.js';

export function onConfigChanged(keys: string[]) {
  keys.forEach(async (key) => { // expect-misused
    await refresh(key);
  });
}
