import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule, { type MessageIds, type Options } from '../../rules/no-unbounded-concurrency.js';
import { cloneCases, createRuleTester } from '../rule-tester.js';

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;

const api = `
declare function pLimit(n: number): <T>(fn: () => Promise<T>) => Promise<T>;
async function upload(file: string): Promise<string> { return file; }
`;

const valid: Valid[] = [
  // A literal array, a small const, a fixed number of workers, a slice with literal bounds.
  `
export async function warm() {
  await Promise.all(['users', 'orders', 'invoices'].map(async (table) => upload(table)));
  const regions = ['eu', 'us'] as const;
  await Promise.all(regions.map((region) => upload(region)));
  await Promise.all(Array.from({ length: 4 }, async (_, worker) => upload(String(worker))));
}
export async function firstPage(files: string[]) {
  return Promise.all(files.slice(0, 10).map(upload));
}
${api}`,
  // Through p-limit: the limiter bounds it.
  `
const limit = pLimit(5);
export async function uploadAll(files: string[]) {
  return Promise.all(files.map((file) => limit(() => upload(file))));
}
${api}`,
  // A mapper that does not start async work.
  `
export async function settleAll(promises: Promise<string>[]) {
  return Promise.all(promises.map((promise) => promise.catch(() => 'failed')));
}
export function sizes(files: string[]) {
  return Promise.all(files.map((file) => file.length));
}
${api}`,
  // Sequential: one at a time.
  `
export async function uploadInOrder(files: string[]) {
  const results: string[] = [];
  for (const file of files) results.push(await upload(file));
  return results;
}
${api}`,
  // Fixed-size batches: at most BATCH at once (held-back corpus, correct-batched).
  `
const BATCH = 10;
export async function uploadAll(files: string[]) {
  for (let i = 0; i < files.length; i += BATCH) {
    await Promise.all(files.slice(i, i + BATCH).map((file) => upload(file)));
  }
}
${api}`,
  // Pushed in a loop over a small literal.
  `
export async function three() {
  const jobs: Promise<string>[] = [];
  for (const name of ['a', 'b', 'c']) jobs.push(upload(name));
  for (let attempt = 0; attempt < 3; attempt++) jobs.push(upload(String(attempt)));
  return Promise.all(jobs);
}
${api}`,
  // Pushed into an array nobody passes to Promise.all (another rule's business).
  `
export function track(files: string[], log: Promise<string>[]) {
  for (const file of files) log.push(upload(file));
}
${api}`,
  // A user's limiter.
  {
    code: `
declare const bottleneck: { wrap<T>(fn: T): T };
const throttled = bottleneck.wrap(upload);
export async function uploadAll(files: string[]) {
  return Promise.all(files.map((file) => throttled(file)));
}
${api}`,
    options: [{ allow: ['throttled'] }],
  },
  // Triage of real packages (docs/triage-strict.md): fan-outs over state the code owns.
  // Closing every pool or child it opened: shutting down opens nothing (typeorm, bullmq).
  `
export class Driver {
  private slaves: { end(): Promise<void> }[] = [];
  private children: Record<string, { pid: number }> = {};
  async close(pools: { end(): Promise<void> }[]) {
    await Promise.all(this.slaves.map((slave) => slave.end()));
    await Promise.all(pools.map((pool) => pool.end()));
    await Promise.all(Object.values(this.children).map((child) => this.kill(child)));
  }
  async kill(child: { pid: number }) { return child.pid; }
}
`,
  // Collections the object holds or reads from its configuration: as many as the program made or someone configured.
  `
export class Emulator {
  private subscriptions = new Map<string, string>();
  async restart(options: { targets: string[] }, context: { deploys: string[] }) {
    await Promise.all([...this.subscriptions.values()].map((name) => upload(name)));
    await Promise.all(options.targets.map((target) => upload(target)));
    const deploys = context.deploys;
    await Promise.all(deploys.map(async (deploy) => upload(deploy)));
  }
}
${api}`,
  // Computed from a whole options or config object, or destructured out of one: configuration too
  // (firebase's hostingConfig(options), mongodb's createEncryptedCollection options).
  `
declare function hostingConfig(options: object): { site: string }[];
export async function prepare(options: { only?: string }, config: { services: string[] }) {
  const sites = hostingConfig(options);
  await Promise.all(sites.map(async (site) => upload(site.site)));
  const { services } = config;
  await Promise.all(services.map((service) => upload(service)));
}
${api}`,
  // Running each item as code: a plugin's optional hook, a registered shutdown function, a root
  // hook that may be a function (apollo-server's requestDidStart?.(), mocha's root hooks).
  `
interface Plugin { requestDidStart?(context: object): Promise<void>; }
export async function start(plugins: Plugin[], context: object, stops: (() => Promise<void>)[], hooks: (object | (() => Promise<object>))[]) {
  await Promise.all(plugins.map((plugin) => plugin.requestDidStart?.(context)));
  await Promise.all(stops.map((stop) => stop()));
  return Promise.all(hooks.map(async (hook) => (typeof hook === 'function' ? hook() : hook)));
}
`,
  // A module constant or an imported list: fixed by the program.
  `
const FEATURES = ['auth', 'db', 'storage', 'hosting', 'functions', 'rules', 'indexes', 'extensions', 'secrets', 'run', 'pubsub', 'tasks', 'logging', 'remote-config', 'ab', 'crash', 'perf'];
export async function detect() {
  return Promise.all(FEATURES.map(async (feature) => upload(feature)));
}
${api}`,
  // Waiting for promises that already exist starts nothing new.
  `
export async function props(obj: Record<string, Promise<string>>) {
  const out: Record<string, string> = {};
  await Promise.all(Object.keys(obj).map(async (key) => { out[key] = await Promise.resolve(obj[key]) as string; }));
  return out;
}
`,
  // Pushed in a loop over the object's own state.
  `
export class Manager {
  private shards = new Map<number, string>();
  async spawnAll() {
    const jobs: Promise<string>[] = [];
    for (const shard of this.shards.values()) jobs.push(upload(shard));
    await Promise.all(jobs);
  }
}
${api}`,
  // A rest parameter: as many items as each call writes out (puppeteer's setCookie(...cookies),
  // evaluate(fn, ...args)), a number the program's call sites set.
  `
export class Page {
  async setCookie(...cookies: { name: string; value: string }[]): Promise<void> {
    await Promise.all(cookies.map(async (cookie) => upload(cookie.name)));
  }
  async evaluate(fn: string, ...args: unknown[]): Promise<string[]> {
    const jobs: Promise<string>[] = [];
    for (const arg of args) jobs.push(upload(String(arg)));
    return Promise.all([...jobs, upload(fn)]);
  }
}
${api}`,
  // A query runner: the class commits and rolls back its own transaction, so it holds one
  // connection, and its statements queue on it (typeorm's ten drivers: createIndices, clearDatabase).
  `
export class PostgresQueryRunner {
  private connection: { query(sql: string): Promise<{ sql: string }[]> } | undefined;
  async query(sql: string): Promise<{ sql: string }[]> { return this.connection ? this.connection.query(sql) : []; }
  async startTransaction(): Promise<void> { await this.query('BEGIN'); }
  async commitTransaction(): Promise<void> { await this.query('COMMIT'); }
  async rollbackTransaction(): Promise<void> { await this.query('ROLLBACK'); }
  async createIndex(table: string, index: string): Promise<void> { await this.query(\`CREATE INDEX \${index} ON \${table}\`); }
  async createIndices(table: string, indices: string[]): Promise<void> {
    const promises = indices.map((index) => this.createIndex(table, index));
    await Promise.all(promises);
  }
  async clearDatabase(): Promise<void> {
    const dropQueries = await this.query('SELECT drop_statement AS sql FROM views');
    await Promise.all(dropQueries.map((q) => this.query(q.sql)));
    await Promise.all(dropQueries.map(async (q) => {
      const rows = await this.query(q.sql);
      return rows.length;
    }));
  }
}
`,
  // A local Promise that is not the global one.
  `
const Promise = { all: (values: unknown[]) => values };
export function fake(files: string[]) {
  return Promise.all(files.map(async (file) => file));
}
`,
];

const invalid: Invalid[] = [
  {
    code: `
export async function uploadAll(files: string[]) {
  return Promise.all(files.map(async (file) => upload(file)));
}
${api}`,
    errors: [{ messageId: 'unboundedAll', data: { combinator: 'all', source: 'files' }, line: 3, column: 10 }],
  },
  {
    code: `
export async function uploadAll(request: { body: { files: string[] } }) {
  const results = await Promise.allSettled(request.body.files.map(upload));
  return results;
}
${api}`,
    errors: [{ messageId: 'unboundedAll', data: { combinator: 'allSettled', source: 'request.body.files' }, line: 3, column: 25 }],
  },
  // Stored first, then awaited together.
  {
    code: `
export async function fetchAll(urls: string[]) {
  const pending = urls.map(async (url) => {
    const response = await fetch(url);
    return response.text();
  });
  return Promise.all(pending);
}
`,
    errors: [{ messageId: 'unboundedAll', line: 7, column: 10 }],
  },
  // Pushed in a loop over unbounded input.
  {
    code: `
export async function syncAll(files: string[]) {
  const jobs: Promise<string>[] = [];
  for (const file of files) {
    jobs.push(upload(file));
  }
  await Promise.all(jobs);
}
${api}`,
    errors: [{ messageId: 'unboundedPush', line: 5, column: 5 }],
  },
  // One request per page, the page count read from the first response (held-back corpus, array-from-ids).
  {
    code: `
export async function allPages(base: string) {
  const first = (await (await fetch(base)).json()) as { pages: number };
  return Promise.all(Array.from({ length: first.pages }, async (_, i) => fetch(base + String(i))));
}
`,
    errors: [{ messageId: 'unboundedAll', line: 4, column: 10 }],
  },
  // A parsed request body: the client decides its length (mercurius' batched queries).
  {
    code: `
export async function batch(request: { body: string }) {
  const operations = JSON.parse(request.body) as string[];
  return Promise.all(operations.map(async (operation) => upload(operation)));
}
${api}`,
    errors: [{ messageId: 'unboundedAll', line: 4, column: 10 }],
  },
  // The rows of a query, pushed in a loop.
  {
    code: `
declare function query(sql: string): Promise<string[]>;
export async function exportAll() {
  const rows = await query('select * from files');
  const jobs: Promise<string>[] = [];
  for (let i = 0; i < rows.length; i++) jobs.push(upload(rows[i] ?? ''));
  await Promise.all(jobs);
}
${api}`,
    errors: [{ messageId: 'unboundedPush', line: 6, column: 41 }],
  },
  // Not on one connection: a class that commits a transaction handed to it (sequelize's query
  // interface), a held client's method (\`this.client\`), or a mapper that also calls out.
  {
    code: `
declare function fetchStats(table: string): Promise<number>;
export class QueryInterface {
  constructor(private readonly sequelize: { query(sql: string): Promise<void> }) {}
  async commitTransaction(transaction: { id: string }): Promise<void> { await this.sequelize.query(\`COMMIT \${transaction.id}\`); }
  async dropSchema(name: string): Promise<void> { await this.sequelize.query(\`DROP SCHEMA \${name}\`); }
  async dropAllSchemas(schemas: string[]): Promise<void> {
    await Promise.all(schemas.map((name) => this.dropSchema(name)));
  }
}
export class QueryRunner {
  constructor(private readonly client: { query(sql: string): Promise<void> }) {}
  async query(sql: string): Promise<void> { await this.client.query(sql); }
  async commitTransaction(): Promise<void> { await this.query('COMMIT'); }
  async analyse(tables: string[]): Promise<void> {
    await Promise.all(tables.map((table) => this.client.query(\`ANALYZE \${table}\`)));
    await Promise.all(tables.map(async (table) => {
      await this.query(\`ANALYZE \${table}\`);
      return fetchStats(table);
    }));
  }
}
`,
    errors: [
      { messageId: 'unboundedAll', line: 8, column: 11 },
      { messageId: 'unboundedAll', line: 16, column: 11 },
      { messageId: 'unboundedAll', line: 17, column: 11 },
    ],
  },
  // Records are not code: a method every item has (\`row.save()\`), or items handed to a callback.
  {
    code: `
interface Row { save(): Promise<void>; }
export async function saveAll(rows: Row[], hook: (row: Row) => Promise<void>) {
  await Promise.all(rows.map(async (row) => row.save()));
  await Promise.all(rows.map(async (row) => hook(row)));
}
`,
    errors: [
      { messageId: 'unboundedAll', line: 4, column: 9 },
      { messageId: 'unboundedAll', line: 5, column: 9 },
    ],
  },
  // A limiter the user did not name does not count.
  {
    code: `
const limit = async <T>(task: () => Promise<T>) => task();
export async function uploadAll(files: string[]) {
  return Promise.all(files.map((file) => limit(() => upload(file))));
}
${api}`,
    options: [{ allow: [] }],
    errors: [{ messageId: 'unboundedAll', line: 4, column: 10 }],
  },
];

const javascript = {
  valid: [
    {
      code: `
async function send(user) { return user; }
module.exports = (users) => Promise.all(users.slice(0, 5).map(send));
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
    },
  ],
  invalid: [
    {
      code: `
async function send(user) { return user; }
module.exports = (users) => Promise.all(users.map(send));
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
      errors: [{ messageId: 'unboundedAll' as const, line: 3, column: 29 }],
    },
  ],
};

/** Only the checker knows that `client.get` returns a promise (a declared interface of an imported-like shape). */
const typedOnlyCode = `
declare function connect<T>(shape: T): T;
const client = connect({ get: async (id: string) => ({ id }) });
export async function loadAll(ids: string[]) {
  return Promise.all(ids.map((id) => client.get(id)));
}
`;

createRuleTester({ typed: false }).run('no-unbounded-concurrency (untyped)', rule, {
  valid: cloneCases([...valid, typedOnlyCode]),
  invalid: cloneCases(invalid),
});

createRuleTester({ typed: true }).run('no-unbounded-concurrency (typed)', rule, {
  valid: cloneCases(valid),
  invalid: cloneCases([...invalid, { code: typedOnlyCode, errors: [{ messageId: 'unboundedAll', line: 5, column: 10 }] }]),
});

createRuleTester({ typed: false }).run('no-unbounded-concurrency (JavaScript)', rule, javascript);
