import { refresh } from './shared/cache.js';

export function onConfigChanged(keys: string[]) {
  keys.forEach((key) => {
    refresh(key).catch((error: unknown) => console.error(`refresh ${key} failed`, error));
  });
}
