import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule, { type MessageIds, type Options } from '../../rules/no-unawaited-value.js';
import { cloneCases, createRuleTester } from '../rule-tester.js';

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;

/** An async API written in the same file, as most cases use it (appended, so that line numbers start at the case). */
const api = `
async function isAdmin(user: string): Promise<boolean> { return user === 'root'; }
async function getUser(id: string) { return { id, name: 'Ada', email: 'ada@example.com' }; }
async function countOrders(id: string): Promise<number> { return id.length; }
async function listIds(): Promise<string[]> { return ['a', 'b']; }
async function loadSettings(): Promise<Record<string, string>> { return { theme: 'dark' }; }
`;

/** `code` with the first `from` replaced by `to`: the output of a suggestion. */
function edit(code: string, from: string, to: string): string {
  if (!code.includes(from)) throw new Error(`\`${from}\` is not in the case`);
  return code.replace(from, to);
}

const valid: Valid[] = [
  // Triage (openai's toFile): the parameter is written \`T | PromiseLike<T>\` but awaited into itself first.
  `
type Input = { name: string } | string;
export async function nameOf(value: Input | PromiseLike<Input>) {
  value = await value;
  return typeof value === 'string' ? value : value.name;
}
`,
  // Awaited where it is tested, compared, printed or read.
  `
export async function guard(user: string) {
  if (await isAdmin(user)) return 'admin';
  const orders = await countOrders(user);
  const profile = await getUser(user);
  console.log(\`\${profile.name} has \${orders > 10 ? 'many' : 'few'} orders\`);
  return { ...(await getUser(user)), admin: !(await isAdmin(user)) };
}
${api}`,
  // Started early, awaited late: the promise itself is only stored and passed on.
  `
export async function dashboard(id: string) {
  const user = getUser(id);
  const orders = countOrders(id);
  const [profile, count] = await Promise.all([user, orders]);
  return { name: profile.name, count };
}
${api}`,
  // Promise members are what a promise is for.
  `
export function names(id: string) {
  const user = getUser(id);
  user.catch(console.error);
  return user.then((u) => u.name).finally(() => console.log('done'));
}
${api}`,
  // Memoized connection: testing whether a promise exists is a presence check, not a use of its value.
  `
class Database {
  private connecting?: Promise<void>;
  private ready: Promise<void> | null = null;
  connect() {
    if (!this.connecting) this.connecting = this.open();
    return this.connecting;
  }
  whenReady() {
    return this.ready ?? (this.ready = this.open());
  }
  close() {
    if (this.ready !== null) this.ready = null;
  }
  private async open(): Promise<void> {}
}
export { Database };
`,
  // The same with private fields (puppeteer-core's Request, found by bench/fix-safety.mjs: the
  // untyped rule suggested `if (!await this.#content)`, which broke the types).
  `
class Request {
  #content: Promise<Uint8Array> | null = null;
  #closing?: Promise<void>;
  async content(): Promise<Uint8Array> {
    if (!this.#content) {
      this.#content = this.fetch();
    }
    return await this.#content;
  }
  close() {
    return this.#closing ? this.#closing : (this.#closing = this.fetch().then(() => undefined));
  }
  private async fetch(): Promise<Uint8Array> { return new Uint8Array(); }
}
export { Request };
`,
  `
let pending: Promise<void> | undefined;
export async function flush() {
  if (pending) await pending;
  pending = undefined;
}
`,
  // Declared "a promise or nothing": still a presence check after \`??=\` has narrowed it.
  `
let warmup: Promise<void> | undefined;
export async function warm() {
  warmup ??= Promise.resolve();
  if (warmup) await warmup;
}
`,
  // Comparing two promises compares identities on purpose: is this still the latest request?
  `
let latest: Promise<string[]> | null = null;
export async function search() {
  const request = listIds();
  latest = request;
  const ids = await request;
  if (latest !== request) return [];
  return ids;
}
${api}`,
  // A choice between promises (\`cond ? p : q\`, \`(cond && p) || q\`) passes a promise on; nothing tests its value.
  // Skipped on purpose for \`&&\` inside \`||\`, as typescript-eslint's no-misused-promises does.
  `
export function pick(id: string, cached: boolean) {
  const a = cached ? getUser('cache') : getUser(id);
  const b = (cached && getUser('cache')) || getUser(id);
  return Promise.race([a, b]);
}
${api}`,
  // A tagged template hands its values to the tag as they are: the tag decides.
  `
declare function sql(strings: TemplateStringsArray, ...values: unknown[]): string;
export function query(id: string) {
  return sql\`select * from users where id = \${getUser(id)}\`;
}
${api}`,
  // Looking at a promise as a promise.
  `
export function inspect(value: unknown) {
  const pending = getUser('a');
  if (pending instanceof Promise) console.log('a promise');
  if (typeof pending.then === 'function') console.log('a thenable');
  return 'then' in pending;
}
${api}`,
  // Attaching a property to a promise, and keys computed at runtime, are not reads of its value.
  `
export function cancellable(key: 'then' | 'catch') {
  const job = getUser('a') as Promise<unknown> & { cancel?: () => void };
  job.cancel = () => console.log('cancelled');
  return job[key];
}
${api}`,
  // The value of a sync function, a function reference, an awaited loop read.
  `
function isAdminSync(user: string) { return user === 'root'; }
export async function check(user: string, reader: { next(): Promise<string | null> }) {
  if (isAdminSync(user)) console.log('admin');
  if (isAdmin) console.log('defined');
  let line: string | null;
  while ((line = await reader.next()) !== null) console.log(line);
}
${api}`,
  // A dropped promise statement is no-floating-promise's, not this rule's.
  `
export async function fireAndForget(user: string) {
  isAdmin(user);
}
${api}`,
  // Unknown in both modes: parameters and imports of unknown type are never reported.
  `
export function unknowns(input: any, handler: () => unknown) {
  if (input) console.log(\`\${input}\`);
  if (handler()) console.log(handler() === null);
  return { ...input, ...(handler() as object) };
}
`,
  // Arrays of promises are arrays: their members are real.
  `
export async function saveAll(ids: string[]) {
  const jobs = ids.map((id) => getUser(id));
  if (jobs.length === 0) return [];
  console.log(\`\${jobs.length} jobs\`);
  return Promise.all(jobs);
}
${api}`,
  // Thenables with members of their own: a query builder's \`where\` exists.
  `
class Query {
  where(column: string) { console.log(column); return this; }
  then(resolve: (rows: string[]) => void) { resolve([]); }
}
export async function rows() {
  const query = new Query().where('id');
  return await query;
}
`,
  // Odd but legal input must not crash.
  `
export class Child extends Object {
  run() {
    super.toString();
    const fn = () => 1;
    return fn() + (0, fn)();
  }
}
for (;;) break;
switch (Math.random()) { default: }
label: for (const x of [1]) { if (x) continue label; }
`,
  {
    code: `
export async function off(user: string) {
  if (isAdmin(user)) console.log('admin');
  return isAdmin(user) ? 1 : 2;
}
${api}`,
    options: [{ checkConditionals: false }],
  },
  {
    code: `
export async function off(id: string) {
  console.log(\`orders: \${countOrders(id)}\`, JSON.stringify(getUser(id)));
  return countOrders(id) > 3;
}
${api}`,
    options: [{ checkCoercions: false }],
  },
  {
    code: `
export async function off(id: string) {
  const { name } = getUser(id);
  for (const x of listIds()) console.log(x);
  return { ...getUser(id), email: getUser(id).email };
}
${api}`,
    options: [{ checkShapes: false }],
  },
  {
    code: `
class Query {
  then(resolve: (rows: string[]) => void) { resolve([]); }
}
export function off() {
  if (new Query()) console.log('built');
}
`,
    options: [{ checkThenables: false }],
  },
];

const invalid: Invalid[] = [
  {
    // Without the reassignment below the written \`T | Promise<T>\` decides.
    code: `export function check(ok: boolean | Promise<boolean>) {
  if (!ok) return 'no';
  return 'yes';
}
`,
    errors: [{ messageId: 'maybePromise', line: 2, column: 8, suggestions: [] }],
  },
  {
    // The classic: the check always passes, for everyone.
    code: `export async function deleteAccount(user: string) {
  if (isAdmin(user)) {
    return 'refused';
  }
  return 'deleted';
}
${api}`,
    errors: [
      {
        messageId: 'promiseInCondition',
        line: 2,
        column: 7,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export async function deleteAccount(user: string) {
  if (await isAdmin(user)) {
    return 'refused';
  }
  return 'deleted';
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Not async: there is nothing to suggest, only to report.
    code: `export function canEdit(user: string) {
  return !isAdmin(user) ? 'read-only' : 'edit';
}
${api}`,
    errors: [{ messageId: 'promiseInCondition', line: 2, column: 11, suggestions: [] }],
  },
  {
    code: `export async function poll(id: string) {
  while (countOrders(id)) {
    console.log('waiting');
    break;
  }
  do {
    console.log('once');
  } while (isAdmin(id) && id.length > 3);
  for (let i = 0; isAdmin(id); i++) break;
}
${api}`,
    errors: [
      {
        messageId: 'promiseInCondition',
        line: 2,
        column: 10,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export async function poll(id: string) {
  while (await countOrders(id)) {
    console.log('waiting');
    break;
  }
  do {
    console.log('once');
  } while (isAdmin(id) && id.length > 3);
  for (let i = 0; isAdmin(id); i++) break;
}
${api}`,
          },
        ],
      },
      {
        messageId: 'promiseInCondition',
        line: 8,
        column: 12,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export async function poll(id: string) {
  while (countOrders(id)) {
    console.log('waiting');
    break;
  }
  do {
    console.log('once');
  } while (await isAdmin(id) && id.length > 3);
  for (let i = 0; isAdmin(id); i++) break;
}
${api}`,
          },
        ],
      },
      {
        messageId: 'promiseInCondition',
        line: 9,
        column: 19,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export async function poll(id: string) {
  while (countOrders(id)) {
    console.log('waiting');
    break;
  }
  do {
    console.log('once');
  } while (isAdmin(id) && id.length > 3);
  for (let i = 0; await isAdmin(id); i++) break;
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Stored, then tested: the variable holds the promise.
    code: `export async function badge(id: string) {
  const admin = isAdmin(id);
  return admin ? 'admin' : 'member';
}
${api}`,
    errors: [
      {
        messageId: 'promiseInCondition',
        line: 3,
        column: 10,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export async function badge(id: string) {
  const admin = isAdmin(id);
  return await admin ? 'admin' : 'member';
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // \`||\` never reaches the fallback; \`??\` never does either.
    code: `export async function greet(id: string, defaults: Record<string, string>) {
  const name = getUser(id) || 'guest';
  const settings = loadSettings() ?? defaults;
  return { name, settings };
}
${api}`,
    errors: [
      {
        messageId: 'promiseSelected',
        line: 2,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export async function greet(id: string, defaults: Record<string, string>) {
  const name = await getUser(id) || 'guest';
  const settings = loadSettings() ?? defaults;
  return { name, settings };
}
${api}`,
          },
        ],
      },
      {
        messageId: 'promiseNullish',
        line: 3,
        column: 20,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export async function greet(id: string, defaults: Record<string, string>) {
  const name = getUser(id) || 'guest';
  const settings = await loadSettings() ?? defaults;
  return { name, settings };
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export async function summary(id: string) {
  const line = \`orders: \${countOrders(id)}\`;
  return line + ' / ' + getUser(id);
}
${api}`,
    errors: [
      {
        messageId: 'promiseAsString',
        line: 2,
        column: 27,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function summary(id: string) {
  const line = \`orders: \${countOrders(id)}\`;
  return line + ' / ' + getUser(id);
}
${api}`, '${countOrders(id)}', '${await countOrders(id)}') }],
      },
      {
        messageId: 'promiseAsString',
        line: 3,
        column: 25,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function summary(id: string) {
  const line = \`orders: \${countOrders(id)}\`;
  return line + ' / ' + getUser(id);
}
${api}`, "' / ' + getUser(id)", "' / ' + await getUser(id)") }],
      },
    ],
  },
  {
    // Arithmetic and ordering see `NaN`; `**` needs the awaited value in parentheses.
    code: `export async function discount(id: string) {
  const big = countOrders(id) > 10;
  const double = countOrders(id) * 2;
  const square = countOrders(id) ** 2;
  return { big, double, square, negative: -countOrders(id) };
}
${api}`,
    errors: [
      {
        messageId: 'promiseAsNumber',
        line: 2,
        column: 15,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function discount(id: string) {
  const big = countOrders(id) > 10;
  const double = countOrders(id) * 2;
  const square = countOrders(id) ** 2;
  return { big, double, square, negative: -countOrders(id) };
}
${api}`, 'countOrders(id) > 10', 'await countOrders(id) > 10') }],
      },
      {
        messageId: 'promiseAsNumber',
        line: 3,
        column: 18,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function discount(id: string) {
  const big = countOrders(id) > 10;
  const double = countOrders(id) * 2;
  const square = countOrders(id) ** 2;
  return { big, double, square, negative: -countOrders(id) };
}
${api}`, 'countOrders(id) * 2', 'await countOrders(id) * 2') }],
      },
      {
        messageId: 'promiseAsNumber',
        line: 4,
        column: 18,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function discount(id: string) {
  const big = countOrders(id) > 10;
  const double = countOrders(id) * 2;
  const square = countOrders(id) ** 2;
  return { big, double, square, negative: -countOrders(id) };
}
${api}`, 'countOrders(id) ** 2', '(await countOrders(id)) ** 2') }],
      },
      {
        messageId: 'promiseAsNumber',
        line: 5,
        column: 44,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function discount(id: string) {
  const big = countOrders(id) > 10;
  const double = countOrders(id) * 2;
  const square = countOrders(id) ** 2;
  return { big, double, square, negative: -countOrders(id) };
}
${api}`, '-countOrders(id)', '-await countOrders(id)') }],
      },
    ],
  },
  {
    // Equal to nothing: the status check and the null check are decided before the promise settles.
    code: `async function getStatus(): Promise<'ready' | 'busy'> { return 'ready'; }
export async function start(id: string) {
  if (getStatus() === 'ready') console.log('go');
  if (getUser(id) == null) throw new Error('no such user');
  switch (getStatus()) {
    case 'busy':
      return 'later';
  }
  return 'now';
}
${api}`,
    errors: [
      {
        messageId: 'promiseCompared',
        line: 3,
        column: 7,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`async function getStatus(): Promise<'ready' | 'busy'> { return 'ready'; }
export async function start(id: string) {
  if (getStatus() === 'ready') console.log('go');
  if (getUser(id) == null) throw new Error('no such user');
  switch (getStatus()) {
    case 'busy':
      return 'later';
  }
  return 'now';
}
${api}`, "if (getStatus() === 'ready')", "if (await getStatus() === 'ready')") }],
      },
      {
        messageId: 'promiseCompared',
        line: 4,
        column: 7,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`async function getStatus(): Promise<'ready' | 'busy'> { return 'ready'; }
export async function start(id: string) {
  if (getStatus() === 'ready') console.log('go');
  if (getUser(id) == null) throw new Error('no such user');
  switch (getStatus()) {
    case 'busy':
      return 'later';
  }
  return 'now';
}
${api}`, 'if (getUser(id) == null)', 'if (await getUser(id) == null)') }],
      },
      {
        messageId: 'promiseCompared',
        line: 5,
        column: 11,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`async function getStatus(): Promise<'ready' | 'busy'> { return 'ready'; }
export async function start(id: string) {
  if (getStatus() === 'ready') console.log('go');
  if (getUser(id) == null) throw new Error('no such user');
  switch (getStatus()) {
    case 'busy':
      return 'later';
  }
  return 'now';
}
${api}`, 'switch (getStatus())', 'switch (await getStatus())') }],
      },
    ],
  },
  {
    // A loop that reads until `null` compares the promise with `null`: the fix awaits the assignment.
    code: `declare const reader: { next(): Promise<string | null> };
export async function readAll() {
  const lines: unknown[] = [];
  let line;
  while ((line = reader.next()) !== null) lines.push(line);
  return lines;
}
`,
    errors: [
      {
        messageId: 'promiseCompared',
        line: 5,
        column: 11,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `declare const reader: { next(): Promise<string | null> };
export async function readAll() {
  const lines: unknown[] = [];
  let line;
  while ((line = await reader.next()) !== null) lines.push(line);
  return lines;
}
`,
          },
        ],
      },
    ],
  },
  {
    // Functions that take any value and use it at once.
    code: `export async function audit(id: string) {
  console.log('user', getUser(id));
  const body = JSON.stringify(getUser(id));
  const count = String(countOrders(id));
  const keys = Object.keys(loadSettings());
  return structuredClone(loadSettings()) ?? { body, count, keys };
}
${api}`,
    errors: [
      {
        messageId: 'promiseLogged',
        line: 2,
        column: 23,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function audit(id: string) {
  console.log('user', getUser(id));
  const body = JSON.stringify(getUser(id));
  const count = String(countOrders(id));
  const keys = Object.keys(loadSettings());
  return structuredClone(loadSettings()) ?? { body, count, keys };
}
${api}`, "'user', getUser(id)", "'user', await getUser(id)") }],
      },
      {
        messageId: 'promiseSerialized',
        line: 3,
        column: 31,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function audit(id: string) {
  console.log('user', getUser(id));
  const body = JSON.stringify(getUser(id));
  const count = String(countOrders(id));
  const keys = Object.keys(loadSettings());
  return structuredClone(loadSettings()) ?? { body, count, keys };
}
${api}`, 'JSON.stringify(getUser(id))', 'JSON.stringify(await getUser(id))') }],
      },
      {
        messageId: 'promiseAsString',
        line: 4,
        column: 24,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function audit(id: string) {
  console.log('user', getUser(id));
  const body = JSON.stringify(getUser(id));
  const count = String(countOrders(id));
  const keys = Object.keys(loadSettings());
  return structuredClone(loadSettings()) ?? { body, count, keys };
}
${api}`, 'String(countOrders(id))', 'String(await countOrders(id))') }],
      },
      {
        messageId: 'promiseKeys',
        line: 5,
        column: 28,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function audit(id: string) {
  console.log('user', getUser(id));
  const body = JSON.stringify(getUser(id));
  const count = String(countOrders(id));
  const keys = Object.keys(loadSettings());
  return structuredClone(loadSettings()) ?? { body, count, keys };
}
${api}`, 'Object.keys(loadSettings())', 'Object.keys(await loadSettings())') }],
      },
      {
        messageId: 'promiseCloned',
        line: 6,
        column: 26,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function audit(id: string) {
  console.log('user', getUser(id));
  const body = JSON.stringify(getUser(id));
  const count = String(countOrders(id));
  const keys = Object.keys(loadSettings());
  return structuredClone(loadSettings()) ?? { body, count, keys };
}
${api}`, 'structuredClone(loadSettings())', 'structuredClone(await loadSettings())') }],
      },
    ],
  },
  {
    // Copying and parsing what a promise will be.
    code: `import { readFile } from 'node:fs/promises';
export async function manifest(path: string) {
  const defaults = Object.assign({}, loadSettings());
  return { ...defaults, ...JSON.parse(readFile(path, 'utf8')) };
}
${api}`,
    errors: [
      {
        messageId: 'promiseSpread',
        line: 3,
        column: 38,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`import { readFile } from 'node:fs/promises';
export async function manifest(path: string) {
  const defaults = Object.assign({}, loadSettings());
  return { ...defaults, ...JSON.parse(readFile(path, 'utf8')) };
}
${api}`, '{}, loadSettings()', '{}, await loadSettings()') }],
      },
      {
        messageId: 'promiseAsString',
        line: 4,
        column: 39,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`import { readFile } from 'node:fs/promises';
export async function manifest(path: string) {
  const defaults = Object.assign({}, loadSettings());
  return { ...defaults, ...JSON.parse(readFile(path, 'utf8')) };
}
${api}`, 'JSON.parse(readFile', 'JSON.parse(await readFile') }],
      },
    ],
  },
  {
    // An assertion that cannot fail.
    code: `import assert from 'node:assert';
export async function check(user: string) {
  assert.ok(isAdmin(user), 'only admins');
  assert(isAdmin(user));
}
${api}`,
    errors: [
      {
        messageId: 'promiseInCondition',
        line: 3,
        column: 13,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`import assert from 'node:assert';
export async function check(user: string) {
  assert.ok(isAdmin(user), 'only admins');
  assert(isAdmin(user));
}
${api}`, 'assert.ok(isAdmin(user)', 'assert.ok(await isAdmin(user)') }],
      },
      {
        messageId: 'promiseInCondition',
        line: 4,
        column: 10,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`import assert from 'node:assert';
export async function check(user: string) {
  assert.ok(isAdmin(user), 'only admins');
  assert(isAdmin(user));
}
${api}`, 'assert(isAdmin(user))', 'assert(await isAdmin(user))') }],
      },
    ],
  },
  {
    // Shapes: spread, iterate, enumerate.
    code: `export async function merge(id: string) {
  const user = { ...getUser(id), active: true };
  const ids = [...listIds()];
  for (const key in loadSettings()) console.log(key);
  for (const other of listIds()) console.log(other);
  return { user, ids };
}
${api}`,
    errors: [
      {
        messageId: 'promiseSpread',
        line: 2,
        column: 21,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function merge(id: string) {
  const user = { ...getUser(id), active: true };
  const ids = [...listIds()];
  for (const key in loadSettings()) console.log(key);
  for (const other of listIds()) console.log(other);
  return { user, ids };
}
${api}`, '...getUser(id)', '...await getUser(id)') }],
      },
      {
        messageId: 'promiseIterated',
        line: 3,
        column: 19,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function merge(id: string) {
  const user = { ...getUser(id), active: true };
  const ids = [...listIds()];
  for (const key in loadSettings()) console.log(key);
  for (const other of listIds()) console.log(other);
  return { user, ids };
}
${api}`, '[...listIds()]', '[...await listIds()]') }],
      },
      {
        messageId: 'promiseEnumerated',
        line: 4,
        column: 21,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function merge(id: string) {
  const user = { ...getUser(id), active: true };
  const ids = [...listIds()];
  for (const key in loadSettings()) console.log(key);
  for (const other of listIds()) console.log(other);
  return { user, ids };
}
${api}`, 'in loadSettings()', 'in await loadSettings()') }],
      },
      {
        messageId: 'promiseIterated',
        line: 5,
        column: 23,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function merge(id: string) {
  const user = { ...getUser(id), active: true };
  const ids = [...listIds()];
  for (const key in loadSettings()) console.log(key);
  for (const other of listIds()) console.log(other);
  return { user, ids };
}
${api}`, 'of listIds()', 'of await listIds()') }],
      },
    ],
  },
  {
    // Destructuring and reading the promise as if it were the user.
    code: `export async function profile(id: string) {
  const { name } = getUser(id);
  const [first] = listIds();
  const user = getUser(id);
  return [name, first, user.email, getUser(id).name, 'email' in getUser(id)];
}
${api}`,
    errors: [
      {
        messageId: 'promiseDestructured',
        line: 2,
        column: 20,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function profile(id: string) {
  const { name } = getUser(id);
  const [first] = listIds();
  const user = getUser(id);
  return [name, first, user.email, getUser(id).name, 'email' in getUser(id)];
}
${api}`, '{ name } = getUser(id)', '{ name } = await getUser(id)') }],
      },
      {
        messageId: 'promiseIterated',
        line: 3,
        column: 19,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function profile(id: string) {
  const { name } = getUser(id);
  const [first] = listIds();
  const user = getUser(id);
  return [name, first, user.email, getUser(id).name, 'email' in getUser(id)];
}
${api}`, '[first] = listIds()', '[first] = await listIds()') }],
      },
      {
        messageId: 'promiseMember',
        data: { name: 'email' },
        line: 5,
        column: 24,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function profile(id: string) {
  const { name } = getUser(id);
  const [first] = listIds();
  const user = getUser(id);
  return [name, first, user.email, getUser(id).name, 'email' in getUser(id)];
}
${api}`, 'user.email', '(await user).email') }],
      },
      {
        messageId: 'promiseMember',
        data: { name: 'name' },
        line: 5,
        column: 36,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function profile(id: string) {
  const { name } = getUser(id);
  const [first] = listIds();
  const user = getUser(id);
  return [name, first, user.email, getUser(id).name, 'email' in getUser(id)];
}
${api}`, 'getUser(id).name', '(await getUser(id)).name') }],
      },
      {
        messageId: 'promiseMember',
        data: { name: 'email' },
        line: 5,
        column: 65,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export async function profile(id: string) {
  const { name } = getUser(id);
  const [first] = listIds();
  const user = getUser(id);
  return [name, first, user.email, getUser(id).name, 'email' in getUser(id)];
}
${api}`, "'email' in getUser(id)", "'email' in await getUser(id)") }],
      },
    ],
  },
  {
    // Calling what a promise will resolve to.
    code: `async function getHandler() { return (event: string) => console.log(event); }
export function dispatch(event: string) {
  getHandler()(event);
}
`,
    errors: [{ messageId: 'promiseCalled', line: 3, column: 3, suggestions: [] }],
  },
  {
    // Methods through \`this\`, at the top level of a module (where \`await\` is legal).
    code: `class Session {
  async isValid(): Promise<boolean> { return false; }
  async refresh() {
    return this.isValid() ? 'kept' : 'renewed';
  }
}
const session = new Session();
if (session.isValid()) console.log('welcome back');
`,
    errors: [
      {
        messageId: 'promiseInCondition',
        line: 4,
        column: 12,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `class Session {
  async isValid(): Promise<boolean> { return false; }
  async refresh() {
    return await this.isValid() ? 'kept' : 'renewed';
  }
}
const session = new Session();
if (session.isValid()) console.log('welcome back');
`,
          },
        ],
      },
      {
        messageId: 'promiseInCondition',
        line: 8,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `class Session {
  async isValid(): Promise<boolean> { return false; }
  async refresh() {
    return this.isValid() ? 'kept' : 'renewed';
  }
}
const session = new Session();
if (await session.isValid()) console.log('welcome back');
`,
          },
        ],
      },
    ],
  },
  {
    // Sometimes sync, sometimes async (\`T | Promise<T>\`): on the async path the test is always true.
    code: `declare function validate(input: string): boolean | Promise<boolean>;
export async function submit(input: string) {
  if (!validate(input)) return 'invalid';
  return 'sent';
}
`,
    errors: [
      {
        messageId: 'maybePromise',
        line: 3,
        column: 8,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `declare function validate(input: string): boolean | Promise<boolean>;
export async function submit(input: string) {
  if (!await validate(input)) return 'invalid';
  return 'sent';
}
`,
          },
        ],
      },
    ],
  },
  {
    // \`+=\` concatenates the text of the promise; a class field initializer cannot await.
    code: `export class Report {
  text = 'orders: ' + countOrders('a');
  async build(id: string) {
    let out = '';
    out += countOrders(id);
    return out;
  }
}
${api}`,
    errors: [
      { messageId: 'promiseAsString', line: 2, column: 23, suggestions: [] },
      {
        messageId: 'promiseAsString',
        line: 5,
        column: 12,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`export class Report {
  text = 'orders: ' + countOrders('a');
  async build(id: string) {
    let out = '';
    out += countOrders(id);
    return out;
  }
}
${api}`, 'out += countOrders(id)', 'out += await countOrders(id)') }],
      },
    ],
  },
];

/**
 * typescript-eslint's no-misused-promises (checksConditionals, checksSpreads)
 * reports these; restated in our words. Its cases that report a promise in a
 * conditional or a spread are all here.
 */
const peerValid: Valid[] = [
  // The right operand of `||`/`&&` outside a test is only passed on.
  `
export async function peer() {
  false || (true && Promise.resolve());
  (true && Promise.resolve()) || false;
}
`,
  // A promise or nothing: a presence check.
  `
declare const mixed: Promise<void> | undefined;
declare const returnsPromise: (() => Promise<void>) | null;
declare const holder: { call: () => Promise<void> } | null;
export async function peer(p: Promise<boolean> | undefined, bool: boolean) {
  if (mixed) await mixed;
  if (returnsPromise?.()) console.log('called');
  if (holder?.call()) console.log('called');
  const foo = p ?? Promise.reject(new Error('none'));
  if (p ?? bool) console.log('either');
  return foo;
}
`,
  // Awaited first.
  `
export async function peer(p: Promise<boolean | undefined>, q: Promise<boolean> | undefined, bool: boolean) {
  if ((await p) ?? bool) console.log('a');
  if (await (q ?? Promise.reject(new Error('none')))) console.log('b');
  console.log({ ...(await Promise.resolve({ key: 42 })) }, [...(await Promise.resolve([42]))]);
}
`,
  // A promise or an unrelated value: `false | Promise<void>` reports whether work started (typescript-eslint's default too).
  `
declare const start: () => number | Promise<void>;
declare const warm: () => boolean | Promise<void>;
if (start()) console.log('started');
if (warm()) console.log('warming');
`,
  // `then` that takes no callback is no thenable.
  `
interface NotQuiteThenable {
  then(param: string): void;
  then(): void;
}
const value: NotQuiteThenable = { then() {} };
if (value) console.log('value');
`,
];

/**
 * One report where `reported` starts in `body` (inside \`peer\`), with the
 * \`await\` suggestion inserted where `awaitAt` starts (default: the same place).
 */
function peerCase(body: string, reported: string, messageId: MessageIds, options: { prelude?: string; awaitAt?: string } = {}): Invalid {
  const prelude = options.prelude ?? '';
  const code = `${prelude}export async function peer(bool: boolean, p: Promise<void>, a: any) {\n${body}\n}\n`;
  const offset = code.indexOf(body);
  const before = code.slice(0, offset + body.indexOf(reported));
  const lines = before.split('\n');
  const insertAt = offset + body.indexOf(options.awaitAt ?? reported);
  return {
    code,
    errors: [
      {
        messageId,
        line: lines.length,
        column: (lines[lines.length - 1]?.length ?? 0) + 1,
        suggestions: [{ messageId: 'suggestAwait', output: `${code.slice(0, insertAt)}await ${code.slice(insertAt)}` }],
      },
    ],
  };
}

const peerInvalid: Invalid[] = [
  peerCase('  if (Promise.resolve()) {}', 'Promise.resolve()', 'promiseInCondition'),
  peerCase('  if (bool) {} else if (Promise.resolve()) {}', 'Promise.resolve()', 'promiseInCondition'),
  peerCase('  for (let i = 0; Promise.resolve(); i++) break;', 'Promise.resolve()', 'promiseInCondition'),
  peerCase('  do {} while (Promise.resolve());', 'Promise.resolve()', 'promiseInCondition'),
  peerCase('  while (Promise.resolve()) break;', 'Promise.resolve()', 'promiseInCondition'),
  peerCase('  console.log(Promise.resolve() ? 123 : 456);', 'Promise.resolve()', 'promiseInCondition'),
  peerCase('  if (!Promise.resolve()) {}', 'Promise.resolve()', 'promiseInCondition'),
  peerCase('  Promise.resolve() || false;', 'Promise.resolve()', 'promiseSelected'),
  peerCase('  if (bool || p) {}', 'p)', 'promiseInCondition'),
  peerCase('  if (bool && p) {}', 'p)', 'promiseInCondition'),
  peerCase('  if (a ?? p) {}', 'p)', 'promiseInCondition'),
  peerCase('  console.log({ ...Promise.resolve({ key: 42 }) });', 'Promise.resolve(', 'promiseSpread'),
  peerCase('  console.log({ someData: 42, ...getData() });', 'getData()', 'promiseSpread', {
    prelude: 'const getData = () => Promise.resolve({ key: 42 });\n',
  }),
  // Spread on the paths where it holds a promise; the operand is reported inside its parentheses.
  peerCase('  console.log({ ...(bool && Promise.resolve({ key: 42 })) });', 'bool &&', 'promiseSpread', { awaitAt: '(bool' }),
  peerCase('  console.log({ ...(bool || Promise.resolve({ key: 42 })) });', 'bool ||', 'promiseSpread', { awaitAt: '(bool' }),
  peerCase('  console.log({ ...(bool ? {} : Promise.resolve({ key: 42 })) });', 'bool ?', 'promiseSpread', { awaitAt: '(bool' }),
  peerCase('  console.log({ ...(bool ? Promise.resolve({ key: 42 }) : {}) });', 'bool ?', 'promiseSpread', { awaitAt: '(bool' }),
  {
    // The right side of `??` inside a test is tested; the left, a promise or nothing, is a presence check.
    code: `export async function peer(p: Promise<void> | undefined) {
  if (p ?? Promise.reject(new Error('none'))) {}
}
`,
    errors: [
      {
        messageId: 'promiseInCondition',
        line: 2,
        column: 12,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export async function peer(p: Promise<void> | undefined) {
  if (p ?? await Promise.reject(new Error('none'))) {}
}
`,
          },
        ],
      },
    ],
  },
];

/** Only the checker can see these: the promise comes through a declared type alias, a generic, or a parameter type. */
const typedOnlyInvalid: Invalid[] = [
  {
    code: `type MaybeAsync<T> = T | Promise<T>;
declare function allowed(path: string): MaybeAsync<boolean>;
export function route(path: string) {
  return allowed(path) ? 'open' : 'denied';
}
`,
    errors: [{ messageId: 'maybePromise', line: 4, column: 10, suggestions: [] }],
  },
  {
    code: `declare function memo<T>(value: T): T;
export async function cachedName(id: string) {
  return \`name: \${memo(getUser(id))}\`;
}
${api}`,
    errors: [
      {
        messageId: 'promiseAsString',
        line: 3,
        column: 19,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`declare function memo<T>(value: T): T;
export async function cachedName(id: string) {
  return \`name: \${memo(getUser(id))}\`;
}
${api}`, '${memo(', '${await memo(') }],
      },
    ],
  },
  {
    // A parameter that takes anything gets the promise.
    code: `declare const analytics: { track(event: string, payload: unknown): void };
declare const logger: { info(...values: unknown[]): void };
export async function login(id: string) {
  analytics.track('login', getUser(id));
  logger.info('orders', countOrders(id));
}
${api}`,
    errors: [
      {
        messageId: 'promiseAsArgument',
        line: 4,
        column: 28,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`declare const analytics: { track(event: string, payload: unknown): void };
declare const logger: { info(...values: unknown[]): void };
export async function login(id: string) {
  analytics.track('login', getUser(id));
  logger.info('orders', countOrders(id));
}
${api}`, "'login', getUser(id)", "'login', await getUser(id)") }],
      },
      {
        messageId: 'promiseAsArgument',
        line: 5,
        column: 25,
        suggestions: [{ messageId: 'suggestAwait', output: edit(`declare const analytics: { track(event: string, payload: unknown): void };
declare const logger: { info(...values: unknown[]): void };
export async function login(id: string) {
  analytics.track('login', getUser(id));
  logger.info('orders', countOrders(id));
}
${api}`, "'orders', countOrders(id)", "'orders', await countOrders(id)") }],
      },
    ],
  },
];

/** With types, a callee that takes anything is fine when it means to look at the promise, and the option turns the check off. */
const typedOnlyValid: Valid[] = [
  `
import { types } from 'node:util';
declare function isThenable(value: unknown): value is PromiseLike<unknown>;
declare const pending: Promise<unknown>[];
export function inspect() {
  const job = getUser('a');
  pending.push(job);
  return Object.is(job, job) && types.isPromise(job) && isThenable(job);
}
${api}`,
  {
    code: `
declare const analytics: { track(event: string, payload: unknown): void };
export function login(id: string) {
  analytics.track('login', getUser(id));
}
${api}`,
    options: [{ checkArguments: false }],
  },
];

/** Without types the same code is unknown, and unknown never reports. */
const untypedOnlyValid: Valid[] = typedOnlyInvalid.map(({ code }) => code);

/** Plain JavaScript through ESLint's default parser (espree), as JS-only users run it. */
const script = { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } };
const javascript = {
  valid: [
    {
      // Triage (vscode-markdown-languageservice): \`this.#items()\` is the async generator, not the
      // public async method of the same name.
      code: `class Provider {
  async items(doc) {
    const out = [];
    for await (const item of this.#items(doc)) {
      out.push(item);
    }
    return out;
  }
  async *#items(doc) {
    yield doc;
  }
}
module.exports = Provider;
`,
      languageOptions: script,
    },
    {
      // Triage (knex's Runner): a method that returns a promise only in callback mode (a handler
      // passed) and the stream otherwise; its returns say it is not always a promise.
      code: `class Runner {
  stream(optionsOrHandler, handlerOrNil) {
    const handler = typeof optionsOrHandler === 'function' ? optionsOrHandler : handlerOrNil;
    const stream = makeStream();
    const done = this.connect().catch(() => {});
    if (typeof handler === 'function') {
      handler(stream);
      return done;
    }
    return stream;
  }
  pipe(writable, options) {
    return this.stream(options).pipe(writable);
  }
  async connect() {}
}
module.exports = Runner;
`,
      languageOptions: script,
    },
    {
      code: `const { load } = require('./legacy-store');
async function show(id) {
  const record = await load(id);
  if (record) console.log(\`record \${record.id}\`);
}
show('a').catch(console.error);
`,
      languageOptions: script,
    },
  ],
  invalid: [
    {
      // A CommonJS module's async export, read across files.
      code: `const { load } = require('./legacy-store');
function show(id) {
  const record = load(id);
  if (record.id) console.log(\`record \${record}\`);
}
show('a');
`,
      languageOptions: script,
      errors: [
        { messageId: 'promiseMember' as const, data: { name: 'id' }, line: 4, column: 7, suggestions: [] },
        { messageId: 'promiseAsString' as const, line: 4, column: 40, suggestions: [] },
      ],
    },
    {
      // Pre-class JavaScript: a prototype method declared async.
      code: `function Cart() {}
Cart.prototype.total = async function () { return 3; };
Cart.prototype.describe = function () {
  return this.total() > 2 ? 'big' : 'small';
};
`,
      languageOptions: script,
      errors: [{ messageId: 'promiseAsNumber' as const, line: 4, column: 10, suggestions: [] }],
    },
    {
      // A method whose every return is a promise, read through \`this\`.
      code: `class Runner {
  query(sql) {
    const done = this.connect().then(() => sql);
    return done;
  }
  size(sql) {
    return this.query(sql).length;
  }
  async connect() {}
}
module.exports = Runner;
`,
      languageOptions: script,
      errors: [{ messageId: 'promiseMember' as const, data: { name: 'length' }, line: 7, column: 12, suggestions: [] }],
    },
  ],
};

createRuleTester({ typed: false }).run('no-unawaited-value (untyped)', rule, {
  valid: cloneCases([...valid, ...peerValid, ...untypedOnlyValid]),
  invalid: cloneCases([...invalid, ...peerInvalid]),
});

createRuleTester({ typed: true }).run('no-unawaited-value (typed)', rule, {
  valid: cloneCases([...valid, ...peerValid, ...typedOnlyValid]),
  invalid: cloneCases([...invalid, ...peerInvalid, ...typedOnlyInvalid]),
});

createRuleTester({ typed: false }).run('no-unawaited-value (JavaScript)', rule, javascript);
