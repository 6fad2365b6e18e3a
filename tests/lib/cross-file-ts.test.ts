import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declarationOutline, readExportsWithTypeScript } from '../../lib/cross-file-ts.js';
import { loadTypeScript } from '../../lib/type-info.js';

const ts = loadTypeScript() ?? (() => { throw new Error('typescript is a dev dependency'); })();

/** The summary read from the outline and from the whole text, as sorted entries. */
function bothWays(code: string, fileName = 'module.ts'): { outline: [string, string][]; whole: [string, string][] } {
  const sorted = (summary: ReadonlyMap<string, string> | null): [string, string][] => [...(summary ?? [])].sort();
  return {
    outline: sorted(readExportsWithTypeScript(ts, fileName, code, true)),
    whole: sorted(readExportsWithTypeScript(ts, fileName, code, false)),
  };
}

describe('declarationOutline', () => {
  it('empties function and method bodies but keeps class bodies, object literals and export lists', () => {
    const code = [
      "import { db } from './db.js';",
      'export async function save(row: Row): Promise<void> { await db.insert(row); if (row.id) { audit(row); } }',
      'export class Store { async load(id: string): Promise<Row> { return db.get(id); } size(): number { return 1; } }',
      'export const handlers = { async flush() { await db.flush(); }, count: () => { return 0; } };',
      'export { save as persist };',
    ].join('\n');
    expect(declarationOutline(ts, code)).toBe(
      [
        "import { db } from './db.js';",
        'export async function save(row: Row): Promise<void> { }',
        'export class Store { async load(id: string): Promise<Row> { } size(): number { } }',
        'export const handlers = { async flush() { }, count: () => { } };',
        'export { save as persist };',
      ].join('\n'),
    );
  });

  it('drops comments but keeps line breaks (automatic semicolons) and adjacent tokens (`>>`)', () => {
    expect(declarationOutline(ts, '/** docs */\nconst a = b >> 2 // shift\nlet c: Array<Array<T>> = x')).toBe(
      '\nconst a = b >> 2\nlet c: Array<Array<T>> = x',
    );
  });

  it('is not fooled by braces in strings, templates and regular expressions', () => {
    const code = [
      "const open = '{'; const re = /[{]/g; const ratio = total / count / 2;",
      'export async function render() { return `${ { a: 1 }.a }}` + "}"; }',
      'export function plain(): string { return "{"; }',
    ].join('\n');
    expect(bothWays(code)).toEqual({
      outline: [
        ['plain', 'unknown'],
        ['render', 'yes'],
      ],
      whole: [
        ['plain', 'unknown'],
        ['render', 'yes'],
      ],
    });
  });

  it('gives null when the braces do not balance, and the reader then parses the whole text', () => {
    expect(declarationOutline(ts, 'export async function broken() {')).toBeNull();
    expect(declarationOutline(ts, 'export async function f() {} }')).toBeNull();
  });

  it('finds the body of a class whose header has type literals and calls (`extends Emitter<{ ready: [] }>`)', () => {
    const code = [
      'export class Navigation extends EventEmitter<{ done: { url: string } }> { async wait(): Promise<void> {} }',
      'export class State<T extends { active: boolean }> extends mixin({ a: 1 }) { async sync() {} }',
    ].join('\n');
    const { outline, whole } = bothWays(code);
    expect(whole).toEqual([
      ['Navigation#wait', 'yes'],
      ['State#sync', 'yes'],
    ]);
    expect(outline).toEqual(whole);
  });

  it('reads the same exports as the whole text for every form the reader knows', () => {
    const code = [
      'export function f(): { a: string } { return { a: "" }; }',
      'export function g(): Promise<{ a: { b: 1 } }> { return Promise.resolve({ a: { b: 1 } }); }',
      'export interface Api { call(): Promise<void>; sync: () => void }',
      'export default async function () {}',
      'function* pages() { yield 1; }',
      'export { pages };',
      'module.exports = { run: async () => {}, stop() { return 1; } };',
      'exports.later = function () { return new Promise((resolve) => { setTimeout(resolve, 1); }); };',
    ].join('\n');
    const { outline, whole } = bothWays(code);
    expect(whole.length).toBeGreaterThan(4);
    expect(outline).toEqual(whole);
  });

  it('reads the same exports as the whole text for every module of the test fixtures', () => {
    const dir = path.join(import.meta.dirname, '..', 'fixtures');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.[cm]?[jt]s$/.test(name) && !name.endsWith('.d.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const name of files) {
      const file = path.join(dir, name);
      const { outline, whole } = bothWays(readFileSync(file, 'utf8'), file);
      expect(outline, name).toEqual(whole);
    }
  });
});
