// A function that returns a promise only on its slow path; its caller awaits
// whatever comes back.
interface Settings {
  title: string;
  locale: string;
}

const cache = new Map<string, Settings>();

async function loadSettings(key: string): Promise<Settings> {
  const response = await fetch(`/api/settings/${key}`);
  return (await response.json()) as Settings;
}

export function getSettings(key: string): Settings | Promise<Settings> {
  const hit = cache.get(key);
  if (hit) return hit;
  return loadSettings(key).then((settings) => {
    cache.set(key, settings);
    return settings;
  });
}

export async function pageTitle(key: string): Promise<string> {
  const settings = await getSettings(key);
  return `${settings.title} (${settings.locale})`;
}
