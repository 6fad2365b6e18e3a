import { loadConfig } from './shared/config.js';

const { port, host } = loadConfig(); // expect-unawaited

export function listenAddress(): string {
  return `${host}:${String(port)}`;
}
