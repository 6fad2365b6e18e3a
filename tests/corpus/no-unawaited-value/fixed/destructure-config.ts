import { loadConfig } from '../shared/config.js';

const { port, host } = await loadConfig();

export function listenAddress(): string {
  return `${host}:${String(port)}`;
}
