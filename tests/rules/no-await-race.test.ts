import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule, { type MessageIds, type Options } from '../../rules/no-await-race.js';
import { cloneCases, createRuleTester } from '../rule-tester.js';

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;

const api = `
declare function fetchPrice(sku: string): Promise<number>;
declare function load(key: string): Promise<string>;
declare function delay(ms: number): Promise<void>;
`;

/**
 * The false alarms that made ESLint's `require-atomic-updates` leave
 * `recommended` (from its public issue threads), in our own words. None is a
 * lost update of shared state, and none is reported here.
 */
const requireAtomicUpdatesFalseAlarms: Valid[] = [
  // Koa middleware: `ctx` is made per request, and the awaited value is written, not an update of the old one.
  `
export async function render(ctx: { body: unknown; params: { id: string } }, next: () => Promise<void>) {
  await next();
  ctx.body = await load(ctx.params.id);
}
${api}`,
  // A property read from a parameter, another property written after an await.
  `
export const touch = async (record: { id: string; updatedAt?: number }) => {
  const { id } = record;
  await load(id);
  record.updatedAt = Date.now();
};
${api}`,
  // Written before the await in a catch block: no read-modify-write at all.
  `
export class Connection {
  socket: string | null = null;
  async open() {
    try {
      this.socket = 'open';
    } catch {
      this.socket = null;
      await delay(10);
    }
  }
}
${api}`,
  // A module flag checked, then set to a constant after an await: the value written does not come from the old one.
  `
let initialised = false;
export async function init() {
  if (!initialised) {
    await delay(5);
    initialised = true;
  }
}
${api}`,
  // A parameter's property set from an awaited result.
  `
export async function enrich(order: { id: string; label?: string }) {
  const label = await load(order.id);
  order.label = label;
}
${api}`,
  // A closure variable of an enclosing function: each call of the outer function has its own.
  `
export function poller() {
  let stopped = false;
  let ticks = 0;
  const tick = async () => {
    if (stopped) return;
    await delay(100);
    ticks = ticks + 1;
    stopped = ticks > 3;
  };
  return tick;
}
${api}`,
  // Headers filled in by a helper, then one more set after awaiting it.
  `
async function addAuth(headers: Record<string, string>) {
  headers.authorization = await load('token');
}
export async function buildHeaders(headers: Record<string, string>) {
  await addAuth(headers);
  headers['x-request-id'] = 'abc';
}
${api}`,
  // A property read into a local and written back unchanged after an await, on a parameter.
  `
export async function roundTrip(item: { name: string }) {
  const name = item.name;
  await delay(0);
  item.name = name;
}
${api}`,
  // React-style ref object local to the component, written from an awaited value.
  `
export function useLoader() {
  const ref = { current: null as string | null };
  const run = async () => {
    const value = await load('profile');
    ref.current = value;
  };
  return { ref, run };
}
${api}`,
  // Written to a constant after early returns that read it: no value flows from before the await.
  `
const panel = { visible: false, mode: 'idle' };
export async function toggle(enabled: boolean) {
  if (!enabled) return;
  if (panel.visible) {
    panel.visible = false;
    return;
  }
  await load('languages');
  panel.visible = true;
}
${api}`,
  // The documented correct forms: the old value is read after the await.
  `
let result = 0;
export async function accumulate() {
  result = (await fetchPrice('a')) + result;
  const extra = await fetchPrice('b');
  result += extra;
  let local = 0;
  local += await fetchPrice('c');
  return local;
}
${api}`,
  // A local holding a stat result, then a parameter's property.
  `
export async function stamp(note: { path: string; created?: Date }) {
  let stat: Date | undefined;
  if (!stat) stat = new Date(await load(note.path));
  note.created = stat;
}
${api}`,
  // Loop constants reused across awaits.
  `
async function step(name: string) {
  await load(name);
}
export async function runAll() {
  for (const name of ['a', 'b', 'c']) {
    await step(name);
  }
  for (const name of ['d', 'e']) {
    await (() => step(name))();
  }
}
${api}`,
  // The condition is checked again after the await.
  `
let pending = 0;
export async function settle() {
  if (pending) {
    await delay(1);
    if (pending) {
      pending = 0;
    }
  }
}
${api}`,
  // Lazy initialisation of a module variable with an awaited value.
  `
let config: string | undefined;
export async function getConfig() {
  if (!config) {
    config = await load('config');
  }
  return config;
}
${api}`,
  // A parameter's own field updated in place: the caller owns the object (per-request state).
  `
export async function payout(player: { money: number; id: string }) {
  player.money += await fetchPrice(player.id);
}
${api}`,
];

const valid: Valid[] = [
  // Triage of real packages (docs/triage-strict.md). The key claimed with its promise before the
  // await, then replaced by the settled value (ESLint's config loader).
  `
export class Loader {
  #paths = new Map<string, string | Promise<string>>();
  async locate(dir: string) {
    const cached = this.#paths.get(dir);
    if (cached) return cached;
    const pending = load(dir);
    this.#paths.set(dir, pending);
    const found = await pending;
    this.#paths.set(dir, found);
    return found;
  }
}
${api}`,
  // The only await between check and set runs when the key was found (firebase's pending downloads).
  `
export class Downloads {
  private pending = new Map<string, Promise<string>>();
  async fetch(ref: string, ready: () => boolean) {
    if (this.pending.get(ref)) {
      await this.pending.get(ref);
    }
    if (!ready()) {
      const promise = load(ref);
      this.pending.set(ref, promise);
      await promise;
    }
  }
}
${api}`,
  // The only await between check and set sits on a branch that returns before the set (puppeteer's
  // target manager: a filtered target is detached and the function ends). Triage seed 5.
  `
interface Target { id: string }
interface Session { detach(): Promise<void>; use(target: Target): void }
declare function createTarget(id: string): Target;
export class TargetManager {
  #attachedById = new Map<string, Target>();
  async onAttached(id: string, session: Session, filter: (target: Target) => boolean) {
    let target = this.#attachedById.get(id);
    const isExisting = target !== undefined;
    if (!target) target = createTarget(id);
    if (!filter(target)) {
      await session.detach();
      return;
    }
    if (isExisting) session.use(target);
    else this.#attachedById.set(id, target);
  }
}
${api}`,
  // The stored promise unwrapped in place (ESLint's config array).
  `
export class Config {
  configs: string | Promise<string> | null = null;
  async get(key: string) {
    this.configs = load(key);
    this.configs = await this.configs;
    return this.configs;
  }
}
${api}`,
  // Shared state checked again after the await, leaving when it moved on (bullmq's generation counter).
  `
export class Checker {
  private generation = 0;
  private running: Promise<void> = Promise.resolve();
  async restart() {
    const generation = ++this.generation;
    const previous = this.running;
    await delay(10);
    if (generation !== this.generation) return;
    this.running = previous.then(() => delay(1));
  }
}
${api}`,
  ...requireAtomicUpdatesFalseAlarms,
  // The update reads the field after the await.
  `
export class Cart {
  total = 0;
  async add(sku: string) {
    const price = await fetchPrice(sku);
    this.total = this.total + price;
  }
}
${api}`,
  // Read, modified and written with no await in between; the await comes after.
  `
export class Counter {
  count = 0;
  async increment() {
    this.count = this.count + 1;
    await delay(10);
    return this.count;
  }
}
${api}`,
  // Locals are not shared between calls.
  `
export async function sum(skus: string[]) {
  let total = 0;
  for (const sku of skus) total += await fetchPrice(sku);
  return total;
}
${api}`,
  // The snapshot is compared with the current value after the await (optimistic concurrency).
  `
export class Stock {
  units = 10;
  async reserve() {
    const seen = this.units;
    await delay(5);
    if (this.units !== seen) return false;
    this.units = seen - 1;
    return true;
  }
}
${api}`,
  // Save, change, await, restore: the saved value is put back as it was.
  `
const cursor = { style: 'default' };
export async function busy(work: () => Promise<void>) {
  const previous = cursor.style;
  cursor.style = 'wait';
  await work();
  cursor.style = previous;
}
${api}`,
  // Claim first, then await: the field is updated before the function yields.
  `
export class Seats {
  free = 3;
  async book(confirm: () => Promise<boolean>) {
    const before = this.free;
    this.free = before - 1;
    const ok = await confirm();
    if (!ok) this.free = before + 0;
  }
}
${api}`,
  // Lazy initialisation with ||= / ??=: the old value only decides whether to load.
  `
export class Settings {
  cache: string | undefined;
  async get() {
    this.cache ??= await load('settings');
    this.cache ||= await load('defaults');
    this.cache = this.cache || (await load('fallback'));
    return this.cache;
  }
}
${api}`,
  // Guarded by a lock the rule knows (async-mutex's runExclusive).
  `
declare const mutex: { runExclusive<T>(fn: () => Promise<T>): Promise<T> };
export class Account {
  balance = 0;
  async deposit(amount: number) {
    await mutex.runExclusive(async () => {
      this.balance = this.balance + (await fetchPrice(String(amount)));
    });
  }
}
${api}`,
  // After acquiring a lock in the same function.
  `
declare const lock: { acquire(): Promise<() => void> };
let version = 0;
export async function bump() {
  const release = await lock.acquire();
  try {
    version += await fetchPrice('version');
  } finally {
    release();
  }
}
${api}`,
  // A lock named by the user.
  {
    code: `
declare const queue: { serialize<T>(fn: () => Promise<T>): Promise<T> };
let processed = 0;
export async function processOne() {
  await queue.serialize(async () => {
    processed += await fetchPrice('job');
  });
}
${api}`,
    options: [{ locks: ['queue.serialize'] }],
  },
  // Map: the promise itself is cached, with no await between check and set.
  `
const inflight = new Map<string, Promise<string>>();
export function fetchOnce(key: string) {
  if (!inflight.has(key)) inflight.set(key, load(key));
  return inflight.get(key);
}
${api}`,
  `
const inflight = new Map<string, Promise<string>>();
export async function fetchOnce(key: string) {
  let pending = inflight.get(key);
  if (!pending) {
    pending = load(key);
    inflight.set(key, pending);
  }
  return await pending;
}
${api}`,
  // Map: checked again after the await.
  `
const cache = new Map<string, string>();
export async function lookup(key: string) {
  if (cache.has(key)) return cache.get(key);
  const value = await load(key);
  if (!cache.has(key)) cache.set(key, value);
  return cache.get(key);
}
${api}`,
  // Map: a remote store whose calls are awaited; its atomicity is the store's business.
  `
declare const redis: { get(key: string): Promise<string | null>; set(key: string, value: string): Promise<void> };
export async function cached(key: string) {
  const hit = await redis.get(key);
  if (hit) return hit;
  const value = await load(key);
  await redis.set(key, value);
  return value;
}
${api}`,
  // Map: a local map is not shared.
  `
export async function collect(keys: string[]) {
  const seen = new Map<string, string>();
  for (const key of keys) {
    if (!seen.has(key)) seen.set(key, await load(key));
  }
  return seen;
}
${api}`,
  // Map: the old entry is read for logging, not to decide; replacing it is the intent.
  `
const latest = new Map<string, string>();
export async function refresh(key: string) {
  const old = latest.get(key);
  const value = await load(key);
  latest.set(key, value);
  console.log(old, value);
}
${api}`,
  // checkMaps: false turns the check-then-act part off.
  {
    code: `
const cache = new Map<string, string>();
export async function lookup(key: string) {
  if (!cache.has(key)) cache.set(key, await load(key));
  return cache.get(key);
}
${api}`,
    options: [{ checkMaps: false }],
  },
  // Sync code has no await to race across.
  `
export class Tally {
  n = 0;
  add(values: number[]) {
    const start = this.n;
    this.n = start + values.length;
  }
}
`,
  // The await sits in a nested function, not between this read and write.
  `
export class Feed {
  items: string[] = [];
  async push(item: string) {
    const next = [...this.items, item];
    setTimeout(async () => {
      await delay(1);
    }, 0);
    this.items = next;
  }
}
${api}`,
  // Module-level this is not shared object state.
  `
export const handler = async () => {
  const self = { n: 0 };
  self.n = self.n + (await fetchPrice('x'));
};
${api}`,
];

const invalid: Invalid[] = [
  {
    code: `
export class Inventory {
  count = 0;
  async restock(sku: string) {
    this.count = this.count + await fetchPrice(sku);
  }
}
${api}`,
    errors: [
      {
        messageId: 'updateAcrossAwait',
        data: { target: 'this.count' },
        line: 5,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestAwaitFirst',
            data: { target: 'this.count' },
            output: `
export class Inventory {
  count = 0;
  async restock(sku: string) {
    const delta = await fetchPrice(sku);
    this.count = this.count + delta;
  }
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `
let total = 0;
export async function addPrice(sku: string) {
  total += await fetchPrice(sku);
  return total;
}
${api}`,
    errors: [
      {
        messageId: 'updateAcrossAwait',
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwaitFirst',
            output: `
let total = 0;
export async function addPrice(sku: string) {
  const delta = await fetchPrice(sku);
  total += delta;
  return total;
}
${api}`,
          },
        ],
      },
    ],
  },
  // The name `delta` is taken: the suggestion picks another.
  {
    code: `
const stats = { bytes: 0 };
export async function record(delta: string) {
  stats.bytes -= await fetchPrice(delta);
}
${api}`,
    errors: [
      {
        messageId: 'updateAcrossAwait',
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwaitFirst',
            output: `
const stats = { bytes: 0 };
export async function record(delta: string) {
  const delta2 = await fetchPrice(delta);
  stats.bytes -= delta2;
}
${api}`,
          },
        ],
      },
    ],
  },
  // A snapshot taken before the await, written back after it.
  {
    code: `
export class Warehouse {
  units = 10;
  async ship(orderId: string) {
    const available = this.units;
    if (available === 0) throw new Error('out of stock');
    await load(orderId);
    this.units = available - 1;
  }
}
${api}`,
    errors: [{ messageId: 'staleSnapshot', data: { target: 'this.units', snapshot: 'available' }, line: 8, column: 5, suggestions: [] }],
  },
  // Destructured snapshot, private field, and the value spread into a new object.
  {
    code: `
export class Profile {
  #state = { visits: 0, name: '' };
  async visit(id: string) {
    const { visits } = this;
    const name = await load(id);
    this.visits = visits + 1;
    this.#state = { ...this.#state, name: name + (await load('suffix')) };
  }
  visits = 0;
}
${api}`,
    errors: [
      { messageId: 'staleSnapshot', line: 7, column: 5, suggestions: [] },
      { messageId: 'updateAcrossAwait', data: { target: 'this.#state' }, line: 8, column: 5, suggestions: [] },
    ],
  },
  // A derived snapshot written back unchanged.
  {
    code: `
let balance = 100;
export async function withdraw(amount: number) {
  const next = balance - amount;
  if (next < 0) throw new Error('insufficient funds');
  await delay(10);
  balance = next;
}
${api}`,
    errors: [{ messageId: 'staleSnapshot', data: { target: 'balance', snapshot: 'next' }, line: 7, column: 3, suggestions: [] }],
  },
  // Inside a loop, on a module-level object's array.
  {
    code: `
const registry = { names: [] as string[] };
export async function registerAll(ids: string[]) {
  for (const id of ids) {
    registry.names = registry.names.concat(await load(id));
  }
}
${api}`,
    errors: [{ messageId: 'updateAcrossAwait', data: { target: 'registry.names' }, line: 5, column: 5, suggestions: [] }],
  },
  // Map check-then-act.
  {
    code: `
const cache = new Map<string, string>();
export async function getUser(id: string) {
  if (!cache.has(id)) {
    const user = await load(id);
    cache.set(id, user);
  }
  return cache.get(id);
}
${api}`,
    errors: [
      {
        messageId: 'checkThenAct',
        data: { target: 'cache.set(id, …)', check: 'cache.has(id)' },
        line: 6,
        column: 5,
        suggestions: [],
      },
    ],
  },
  {
    code: `
export class Sessions {
  private tokens = new Map<string, string>();
  async token(user: string) {
    const known = this.tokens.get(user);
    if (known) return known;
    this.tokens.set(user, await load(user));
    return this.tokens.get(user);
  }
}
${api}`,
    errors: [{ messageId: 'checkThenAct', data: { target: 'this.tokens.set(user, …)', check: 'this.tokens.get(user)' }, line: 7, column: 5, suggestions: [] }],
  },
  {
    code: `
const seen = new Set<string>();
export async function processOnce(id: string) {
  if (seen.has(id)) return;
  await load(id);
  seen.add(id);
}
${api}`,
    errors: [{ messageId: 'checkThenAct', data: { target: 'seen.add(id)', check: 'seen.has(id)' }, line: 6, column: 3, suggestions: [] }],
  },
  // The check's value stored back after the await: a trigger added concurrently is lost (firebase's
  // pub/sub emulator); no \`if\` decides anything, the act writes what the check read.
  {
    code: `
export class PubSubEmulator {
  private triggersForTopic = new Map<string, string[]>();
  async addTrigger(topic: string, triggerKey: string) {
    const triggers = this.triggersForTopic.get(topic) || [];
    await load(topic);
    triggers.push(triggerKey);
    this.triggersForTopic.set(topic, triggers);
  }
}
${api}`,
    errors: [
      {
        messageId: 'checkThenAct',
        data: { target: 'this.triggersForTopic.set(topic, …)', check: 'this.triggersForTopic.get(topic)' },
        line: 8,
        column: 5,
        suggestions: [],
      },
    ],
  },
  // A check that skips the rest of a loop's body decides whether the work runs.
  {
    code: `
const imported = new Set<string>();
export async function importAll(ids: string[]) {
  for (const id of ids) {
    if (imported.has(id)) continue;
    await load(id);
    imported.add(id);
  }
}
${api}`,
    errors: [{ messageId: 'checkThenAct', data: { target: 'imported.add(id)', check: 'imported.has(id)' }, line: 7, column: 5, suggestions: [] }],
  },
  // An object-literal method and a class-field arrow: `this` is the shared object.
  {
    code: `
export const meter = {
  reads: 0,
  async read(sensor: string) {
    this.reads = this.reads + (await fetchPrice(sensor));
  },
};
export class Clicks {
  n = 0;
  onClick = async () => {
    this.n += await fetchPrice('click');
  };
}
${api}`,
    errors: [
      {
        messageId: 'updateAcrossAwait',
        data: { target: 'this.reads' },
        line: 5,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestAwaitFirst',
            output: `
export const meter = {
  reads: 0,
  async read(sensor: string) {
    const delta = await fetchPrice(sensor);
    this.reads = this.reads + delta;
  },
};
export class Clicks {
  n = 0;
  onClick = async () => {
    this.n += await fetchPrice('click');
  };
}
${api}`,
          },
        ],
      },
      {
        messageId: 'updateAcrossAwait',
        data: { target: 'this.n' },
        line: 11,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestAwaitFirst',
            output: `
export const meter = {
  reads: 0,
  async read(sensor: string) {
    this.reads = this.reads + (await fetchPrice(sensor));
  },
};
export class Clicks {
  n = 0;
  onClick = async () => {
    const delta = await fetchPrice('click');
    this.n += delta;
  };
}
${api}`,
          },
        ],
      },
    ],
  },
  // A lock that is not in the user's list does not count.
  {
    code: `
declare const queue: { serialize<T>(fn: () => Promise<T>): Promise<T> };
let processed = 0;
export async function processOne() {
  await queue.serialize(async () => {
    processed += await fetchPrice('job');
  });
}
${api}`,
    options: [{ locks: [] }],
    errors: [
      {
        messageId: 'updateAcrossAwait',
        line: 6,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestAwaitFirst',
            output: `
declare const queue: { serialize<T>(fn: () => Promise<T>): Promise<T> };
let processed = 0;
export async function processOne() {
  await queue.serialize(async () => {
    const delta = await fetchPrice('job');
    processed += delta;
  });
}
${api}`,
          },
        ],
      },
    ],
  },
];

/**
 * A key-value store made by a generic factory: only the checker sees that its
 * `set` returns a promise (an async store, whose atomicity is its own business).
 * Without types the same code is a Map-like check-then-act, and is reported.
 */
const asyncStore = `
declare function connect<T>(shape: T): T;
const kv = connect({
  has(key: string) { return key.length > 0; },
  async set(key: string, value: string) { console.log(key, value); },
});
export async function remember(key: string) {
  if (!kv.has(key)) {
    const value = await load(key);
    kv.set(key, value);
  }
}
${api}`;

const typedOnlyValid: Valid[] = [asyncStore];

const untypedOnlyInvalid: Invalid[] = [
  { code: asyncStore, errors: [{ messageId: 'checkThenAct', line: 10, column: 5, suggestions: [] }] },
];

/** Plain JavaScript through espree. */
const javascript = {
  valid: [
    // A store another module exports (firebase's configstore): not a map this file owns.
    {
      code: `
const store = require('./configstore').configstore;
async function login(start) {
  if (store.get('session')) return;
  const session = await start();
  store.set('session', session);
}
module.exports = { login };
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
    },
    // The check only decides a side matter (dropping a stale module from require's cache); every caller
    // imports and records the time whatever it said (ESLint's flat config loader). Triage seed 5.
    {
      code: `
const fs = require('node:fs/promises');
const { pathToFileURL } = require('node:url');
const importedAt = new Map();
async function loadConfigFile(filePath) {
  const mtime = (await fs.stat(filePath)).mtime.getTime();
  if (importedAt.get(filePath) !== mtime) {
    delete require.cache[filePath];
  }
  const config = (await import(pathToFileURL(filePath).href)).default;
  importedAt.set(filePath, mtime);
  return config;
}
module.exports = { loadConfigFile };
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
    },
    {
      code: `
let hits = 0;
async function count(get) {
  const n = await get();
  hits = hits + n;
}
module.exports = { count };
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
    },
  ],
  invalid: [
    {
      code: `
let hits = 0;
async function count(get) {
  hits = hits + await get();
}
module.exports = { count };
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
      errors: [
        {
          messageId: 'updateAcrossAwait' as const,
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestAwaitFirst' as const,
              output: `
let hits = 0;
async function count(get) {
  const delta = await get();
  hits = hits + delta;
}
module.exports = { count };
`,
            },
          ],
        },
      ],
    },
    {
      code: `
class Pool {
  constructor() { this.size = 0; }
  async grow(open) {
    const size = this.size;
    await open();
    this.size = size + 1;
  }
}
module.exports = { Pool };
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
      errors: [{ messageId: 'staleSnapshot' as const, line: 7, column: 5, suggestions: [] }],
    },
  ],
};

createRuleTester({ typed: false }).run('no-await-race (untyped)', rule, {
  valid: cloneCases(valid),
  invalid: cloneCases([...invalid, ...untypedOnlyInvalid]),
});

createRuleTester({ typed: true }).run('no-await-race (typed)', rule, {
  valid: cloneCases([...valid, ...typedOnlyValid]),
  invalid: cloneCases(invalid),
});

createRuleTester({ typed: false }).run('no-await-race (JavaScript)', rule, javascript);

