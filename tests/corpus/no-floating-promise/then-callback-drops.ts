// The last step of the chain starts a write and drops it: callers that await
// `rememberFile` go on before the settings are saved, and a failed save is lost.
import { readFile, writeFile } from 'node:fs/promises';

interface Settings {
  theme: string;
  recentFiles: string[];
}

const SETTINGS_FILE = new URL('./settings.json', import.meta.url);

function saveSettings(settings: Settings): Promise<void> {
  return writeFile(SETTINGS_FILE, JSON.stringify(settings, null, 2));
}

export function rememberFile(file: string): Promise<void> {
  return readFile(SETTINGS_FILE, 'utf8')
    .then((text) => JSON.parse(text) as Settings)
    .then((settings) => {
      settings.recentFiles = [file, ...settings.recentFiles.filter((f) => f !== file)].slice(0, 10);
      saveSettings(settings); // expect-floating
    });
}
