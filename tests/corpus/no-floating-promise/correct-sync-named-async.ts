// Synchronous functions and methods whose names sound asynchronous.
import { readFileSync, writeFileSync } from 'node:fs';

interface Config {
  runs: number;
  lastRun: string | null;
}

function fetchConfig(file: string): Config {
  return JSON.parse(readFileSync(file, 'utf8')) as Config;
}

function saveConfig(file: string, config: Config): void {
  writeFileSync(file, JSON.stringify(config, null, 2));
}

class Registry {
  private readonly entries = new Map<string, string>();

  load(source: Record<string, string>): void {
    for (const [key, value] of Object.entries(source)) this.entries.set(key, value);
  }

  save(): Record<string, string> {
    return Object.fromEntries(this.entries);
  }
}

const registry = new Registry();

export function bootstrap(file: string): Config {
  const config = fetchConfig(file);
  config.runs++;
  config.lastRun = new Date().toISOString();
  saveConfig(file, config);
  registry.load({ config: file });
  registry.save();
  return config;
}
