import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule, { type MessageIds, type Options } from '../../rules/no-mixed-sync-async-return.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cloneCases, createRuleTester, fixturesDir } from '../rule-tester.js';

/** tests/fixtures/mixed-callers: a package of its own, whose modules import each other. */
const packageDir = path.join(fixturesDir, 'mixed-callers');
function packageFile(name: string): { code: string; filename: string } {
  const filename = path.join(packageDir, name);
  return { code: readFileSync(filename, 'utf8'), filename };
}

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;

/** An async API in the same file, so that both modes know what returns a promise. */
const api = `
async function fetchName(id: number): Promise<string> {
  return \`user-\${String(id)}\`;
}
`;

const valid: Valid[] = [
  // Async already: every path gives a promise, every throw a rejection.
  `
export async function loadName(id: number) {
  if (id === 0) return 'anonymous';
  if (id < 0) throw new RangeError('negative id');
  return fetchName(id);
}
${api}`,
  // A promise on every path, the cached one wrapped in Promise.resolve.
  `
const names = new Map<number, string>();
export function cachedName(id: number) {
  const hit = names.get(id);
  if (hit !== undefined) return Promise.resolve(hit);
  return fetchName(id).then((name) => {
    names.set(id, name);
    return name;
  });
}
${api}`,
  // Sync on every path.
  `
export function label(id: number) {
  if (id === 0) return 'anonymous';
  return \`#\${String(id)}\`;
}
`,
  // Skipped on purpose: the callback-or-promise convention (a promise unless a callback is passed).
  `
import { readFile } from 'node:fs/promises';
export function readConfig(path: string, callback?: (error: Error | null, text?: string) => void) {
  if (callback) {
    readFile(path, 'utf8').then((text) => callback(null, text), callback);
    return;
  }
  return readFile(path, 'utf8');
}
`,
  // Skipped on purpose: "a promise, or null when there is nothing to do" is a deliberate nullable contract.
  `
export function refresh(id: number | null) {
  if (id === null) return null;
  return fetchName(id);
}
${api}`,
  // Skipped on purpose: a callback's contract belongs to the API it is passed to (hooks that accept either).
  `
declare function definePlugin(plugin: { transform(code: string): string | Promise<string> }): void;
declare function onRequest(handler: (path: string) => unknown): void;
definePlugin({
  transform(code) {
    if (!code.includes('@name')) return code;
    return fetchName(1).then((name) => code.replace('@name', name));
  },
});
onRequest((path) => (path === '/' ? 'home' : fetchName(2)));
${api}`,
  // A throw caught inside the function never escapes it.
  `
export function parseAndSave(text: string) {
  let id: number;
  try {
    id = Number.parseInt(text, 10);
    if (Number.isNaN(id)) throw new Error('not a number');
  } catch {
    id = 0;
  }
  return fetchName(id);
}
${api}`,
  // A throw inside a promise callback is a rejection, not a synchronous throw.
  `
export function strictName(id: number) {
  return fetchName(id).then((name) => {
    if (!name) throw new Error('no name');
    return name;
  });
}
${api}`,
  // Skipped on purpose: \`a && p\` is a guard, its left side a condition rather than a result.
  `
export function maybeSave(enabled: boolean) {
  return enabled && fetchName(3);
}
${api}`,
  // A stub that only throws returns no promise anywhere.
  `
export function notImplemented(): Promise<void> {
  throw new Error('not implemented');
}
`,
  // Triage of real packages (docs/triage-strict.md). A helper called only where a throw becomes a
  // rejection anyway: inside async functions, promise callbacks and executors, or inside a try.
  `
function checked(id: number) {
  if (id < 0) throw new RangeError('negative id');
  return fetchName(id);
}
export function viaThen(id: number) {
  return Promise.resolve(id).then((n) => checked(n));
}
export async function viaAsync(id: number) {
  return checked(id);
}
export function viaTry(id: number) {
  try {
    return checked(id);
  } catch {
    return Promise.resolve('invalid');
  }
}
${api}`,
  // A throw behind a feature check for Promise itself: no promise exists to catch it from.
  `
export function sleep(ms: number) {
  if (typeof Promise === 'undefined') throw new Error('no Promise');
  return new Promise((resolve) => setTimeout(resolve, ms));
}
`,
  // Callback-or-promise: the throw runs only for callers who passed a callback (undici's upgrade).
  `
export function upgrade(opts: { path: string }, callback?: (error: Error | null) => void) {
  if (callback === undefined) {
    return new Promise<void>((resolve, reject) => upgrade(opts, (error) => (error ? reject(error) : resolve())));
  }
  if (typeof callback !== 'function') throw new TypeError('invalid callback');
  callback(null);
}
`,
  // A maybe-async helper whose every caller awaits it or checks for a then method (fastify's validators).
  `
function validate(value: string) {
  if (value === '') return false;
  return fetchName(value.length);
}
export async function one(value: string) {
  return await validate(value);
}
export function two(value: string) {
  const result = validate(value);
  if (result && typeof result.then === 'function') return result.then(String);
  return result;
}
${api}`,
  // A private method this file never calls: its callers are the library's own plumbing (knex's
  // \`_stream\`, run inside an async connection callback), out of sight.
  `
export class Client {
  _stream(sql: string) {
    if (!sql) throw new Error('The query is empty');
    return fetchName(sql.length);
  }
  #query(sql: string) {
    if (!sql) throw new Error('The query is empty');
    return fetchName(sql.length);
  }
  async run(sql: string) {
    return this.#query(sql);
  }
}
${api}`,
  // A named function only handed to another call: a callback whose contract is the receiver's
  // (undici's mock reply callback, passed to a dispatcher that checks for a then method).
  `
declare function addReply(reply: (id: number) => unknown): void;
const reply = (id: number) => {
  if (id === 0) return 'none';
  return fetchName(id);
};
addReply(reply);
${api}`,
  // Unknown in both modes: a parameter of unknown shape.
  `
export function run(task: { start(): unknown }, quick: boolean) {
  if (quick) return 'skipped';
  return task.start();
}
`,
  {
    // checkThrows off: only mixed returns.
    code: `
export function loadName(id: number) {
  if (id < 0) throw new RangeError('negative id');
  return fetchName(id);
}
${api}`,
    options: [{ checkThrows: false }],
  },
  // Triage of real packages (firebase-tools' readSecretValue, fastify's validators): an export that every
  // module of its package awaits inside async code (named or namespace import) or checks for a then method.
  // The test file that calls it synchronously is not counted: tests call each path on purpose.
  packageFile('src/secrets.ts'),
  packageFile('src/validate.ts'),
];

const invalid: Invalid[] = [
  // Triage of real packages: an export is still reported when an importer chains `.catch` on it...
  {
    ...packageFile('src/tokens.ts'),
    errors: [
      {
        messageId: 'syncThrow',
        data: { name: 'loadToken', promiseLine: '6' },
        line: 5,
        column: 14,
        suggestions: [
          {
            messageId: 'suggestAsync',
            data: { name: 'loadToken' },
            output: readFileSync(path.join(packageDir, 'src/tokens.ts'), 'utf8').replace('export function', 'export async function'),
          },
        ],
      },
    ],
  },
  // ...or when an importer hands it on as a value (firebase-tools' table of trigger services): its callers are out of sight.
  {
    ...packageFile('src/regions.ts'),
    errors: [
      {
        messageId: 'syncThrow',
        data: { name: 'ensureRegion', promiseLine: '6' },
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestAsync',
            data: { name: 'ensureRegion' },
            output: readFileSync(path.join(packageDir, 'src/regions.ts'), 'utf8').replace('export function', 'export async function'),
          },
        ],
      },
    ],
  },
  // A helper with one caller that does not convert the throw: still reported.
  {
    code: `
function checked(id: number) {
  if (id < 0) throw new RangeError('negative id');
  return fetchName(id);
}
export function viaThen(id: number) {
  return Promise.resolve(id).then((n) => checked(n));
}
export function direct(id: number) {
  return checked(id).catch(() => 'unknown');
}
${api}`,
    errors: [{ messageId: 'syncThrow', line: 3, column: 15, suggestions: [{ messageId: 'suggestAsync', output: `
async function checked(id: number) {
  if (id < 0) throw new RangeError('negative id');
  return fetchName(id);
}
export function viaThen(id: number) {
  return Promise.resolve(id).then((n) => checked(n));
}
export function direct(id: number) {
  return checked(id).catch(() => 'unknown');
}
${api}` }] }],
  },
  // A private method this file calls where the throw escapes a `.catch`.
  {
    code: `
export class Client {
  _query(sql: string) {
    if (!sql) throw new Error('The query is empty');
    return fetchName(sql.length);
  }
  query(sql: string) {
    return this._query(sql).catch(() => 'failed');
  }
}
${api}`,
    errors: [{ messageId: 'syncThrow', line: 4, column: 15, suggestions: [{ messageId: 'suggestAsync', output: `
export class Client {
  async _query(sql: string) {
    if (!sql) throw new Error('The query is empty');
    return fetchName(sql.length);
  }
  query(sql: string) {
    return this._query(sql).catch(() => 'failed');
  }
}
${api}` }] }],
  },
  // A declared \`T | Promise<T>\`: the unknown path is a value (held-back corpus, env-or-file).
  {
    code: `
export function token(fromEnv: string | undefined): string | Promise<string> {
  const value = fromEnv;
  if (value) return value;
  return fetchName(1);
}
${api}`,
    errors: [{ messageId: 'mixedReturn', line: 2, column: 8, suggestions: [{ messageId: 'suggestAsync', output: `
export async function token(fromEnv: string | undefined): Promise<string> {
  const value = fromEnv;
  if (value) return value;
  return fetchName(1);
}
${api}` }] }],
  },
  // A parameter typed with an interface of this file is a value (held-back corpus, unchanged-shortcut).
  {
    code: `
interface Doc { readonly id: number; readonly dirty: boolean }
export function save(doc: Doc) {
  if (!doc.dirty) return doc;
  return fetchName(doc.id);
}
${api}`,
    errors: [{ messageId: 'mixedReturn', line: 3, column: 8, suggestions: [{ messageId: 'suggestAsync', output: `
interface Doc { readonly id: number; readonly dirty: boolean }
export async function save(doc: Doc) {
  if (!doc.dirty) return doc;
  return fetchName(doc.id);
}
${api}` }] }],
  },
  {
    // The defaults come back at once, the file later: \`loadSettings(p).then(...)\` crashes for ''.
    code: `import { readFile } from 'node:fs/promises';
export function loadSettings(path: string) {
  if (path === '') return { theme: 'light' };
  return readFile(path, 'utf8').then((text) => JSON.parse(text) as { theme: string });
}
`,
    errors: [
      {
        messageId: 'mixedReturn',
        data: { name: 'loadSettings', promiseLine: '4', valueLine: '3' },
        line: 2,
        column: 8,
        endLine: 2,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'suggestAsync',
            data: { name: 'loadSettings' },
            output: `import { readFile } from 'node:fs/promises';
export async function loadSettings(path: string) {
  if (path === '') return { theme: 'light' };
  return readFile(path, 'utf8').then((text) => JSON.parse(text) as { theme: string });
}
`,
          },
        ],
      },
    ],
  },
  {
    code: `export const displayName = (id: number) => (id === 0 ? 'anonymous' : fetchName(id));
${api}`,
    errors: [
      {
        messageId: 'mixedReturn',
        data: { name: 'displayName', promiseLine: '1', valueLine: '1' },
        line: 1,
        column: 14,
        suggestions: [
          {
            messageId: 'suggestAsync',
            data: { name: 'displayName' },
            output: `export const displayName = async (id: number) => (id === 0 ? 'anonymous' : fetchName(id));
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export class Repository {
  static find(ids: number[]) {
    if (ids.length === 0) return [];
    return Promise.all(ids.map((id) => fetchName(id)));
  }
}
${api}`,
    errors: [
      {
        messageId: 'mixedReturn',
        data: { name: 'find', promiseLine: '4', valueLine: '3' },
        line: 2,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAsync',
            data: { name: 'find' },
            output: `export class Repository {
  static async find(ids: number[]) {
    if (ids.length === 0) return [];
    return Promise.all(ids.map((id) => fetchName(id)));
  }
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // The declared \`T | Promise<T>\` becomes \`Promise<T>\`.
    code: `export const users = {
  name(id: number): string | Promise<string> {
    if (id === 0) return 'root';
    return fetchName(id);
  },
};
${api}`,
    errors: [
      {
        messageId: 'mixedReturn',
        data: { name: 'name', promiseLine: '4', valueLine: '3' },
        line: 2,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAsync',
            data: { name: 'name' },
            output: `export const users = {
  async name(id: number): Promise<string> {
    if (id === 0) return 'root';
    return fetchName(id);
  },
};
${api}`,
          },
        ],
      },
    ],
  },
  {
    // A declared return type that \`async\` cannot keep: no suggestion.
    code: `export function count(id: number): number | Promise<string> {
  if (id === 0) return 0;
  return fetchName(id);
}
${api}`,
    errors: [{ messageId: 'mixedReturn', data: { name: 'count', promiseLine: '3', valueLine: '2' }, line: 1, column: 8, suggestions: [] }],
  },
  {
    // \`fetchUser('').catch(...)\` never runs its handler: the TypeError is thrown at the call.
    code: `export function fetchUser(id: string) {
  if (!id) throw new TypeError('id is required');
  return fetch(\`https://api.example.com/users/\${id}\`).then((response) => response.json());
}
`,
    errors: [
      {
        messageId: 'syncThrow',
        data: { name: 'fetchUser', promiseLine: '3' },
        line: 2,
        column: 12,
        suggestions: [
          {
            messageId: 'suggestAsync',
            data: { name: 'fetchUser' },
            output: `export async function fetchUser(id: string) {
  if (!id) throw new TypeError('id is required');
  return fetch(\`https://api.example.com/users/\${id}\`).then((response) => response.json());
}
`,
          },
        ],
      },
    ],
  },
  {
    // Rethrown from a catch clause: still synchronous.
    code: `export const parseThenLoad = function (text: string) {
  let id: number;
  try {
    id = JSON.parse(text) as number;
  } catch (error) {
    throw new Error('bad input', { cause: error });
  }
  return fetchName(id);
};
${api}`,
    errors: [
      {
        messageId: 'syncThrow',
        data: { name: 'parseThenLoad', promiseLine: '8' },
        line: 6,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestAsync',
            data: { name: 'parseThenLoad' },
            output: `export const parseThenLoad = async function (text: string) {
  let id: number;
  try {
    id = JSON.parse(text) as number;
  } catch (error) {
    throw new Error('bad input', { cause: error });
  }
  return fetchName(id);
};
${api}`,
          },
        ],
      },
    ],
  },
];

/** Values only the checker can see: what a typed Map holds. */
const typedOnlyInvalid: Invalid[] = [
  {
    code: `declare const memo: Map<number, string>;
export function nameOf(id: number) {
  return memo.get(id) ?? fetchName(id);
}
${api}`,
    errors: [
      {
        messageId: 'mixedReturn',
        data: { name: 'nameOf', promiseLine: '3', valueLine: '3' },
        line: 2,
        column: 8,
        suggestions: [
          {
            messageId: 'suggestAsync',
            data: { name: 'nameOf' },
            output: `declare const memo: Map<number, string>;
export async function nameOf(id: number) {
  return memo.get(id) ?? fetchName(id);
}
${api}`,
          },
        ],
      },
    ],
  },
];

/** The promise cache: a Map of promises gives a promise on both paths (typed), unknown without types. */
const agreementValid: Valid[] = [
  `
const pending = new Map<number, Promise<string>>();
export function nameOnce(id: number) {
  return pending.get(id) ?? fetchName(id);
}
${api}`,
];

const untypedOnlyValid: Valid[] = typedOnlyInvalid.map(({ code }) => code);

const script = { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } };

/** Plain JavaScript through ESLint's default parser (espree). */
const javascript = {
  valid: [
    {
      code: `const fsp = require('fs').promises;
function readText(file) {
  return fsp.readFile(file, 'utf8');
}
module.exports = { readText };
`,
      languageOptions: script,
    },
    // Triage of real packages (firebase-tools' compiled lib/): an export whose importers call it through the module
    // object (\`(0, helpers_1.readConfig)(...)\`) or a destructured name, each awaited inside an async function.
    { ...packageFile('src/cjs/helpers.cjs'), languageOptions: script },
  ],
  invalid: [
    {
      code: `const fsp = require('fs').promises;
function readText(file) {
  if (!file) return '';
  return fsp.readFile(file, 'utf8');
}
module.exports = { readText };
`,
      languageOptions: script,
      errors: [
        {
          messageId: 'mixedReturn' as const,
          data: { name: 'readText', promiseLine: '4', valueLine: '3' },
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'suggestAsync' as const,
              data: { name: 'readText' },
              output: `const fsp = require('fs').promises;
async function readText(file) {
  if (!file) return '';
  return fsp.readFile(file, 'utf8');
}
module.exports = { readText };
`,
            },
          ],
        },
      ],
    },
  ],
};

createRuleTester({ typed: false }).run('no-mixed-sync-async-return (untyped)', rule, {
  valid: cloneCases([...valid, ...agreementValid, ...untypedOnlyValid]),
  invalid: cloneCases(invalid),
});

createRuleTester({ typed: true }).run('no-mixed-sync-async-return (typed)', rule, {
  valid: cloneCases([...valid, ...agreementValid]),
  invalid: cloneCases([...invalid, ...typedOnlyInvalid]),
});

createRuleTester({ typed: false }).run('no-mixed-sync-async-return (JavaScript)', rule, javascript);
