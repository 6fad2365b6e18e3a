import * as fs from 'fs';

export function loadLocale(lang: Promise<string>): Promise<Record<string, string>> {
  return lang
    .then((code) => fs.readFileSync(`locales/${code}.json`, 'utf8')) // expect-report
    .then((text) => JSON.parse(text) as Record<string, string>);
}
