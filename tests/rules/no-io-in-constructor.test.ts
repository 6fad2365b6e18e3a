import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule, { type MessageIds, type Options } from '../../rules/no-io-in-constructor.js';
import { cloneCases, createRuleTester } from '../rule-tester.js';

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;

const commonjs = { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } };

/** A database client written in the same file: its methods are async. */
const db = `
class Pool {
  async connect(url: string): Promise<void> { console.log(url); }
  async query(sql: string): Promise<unknown[]> { return [sql]; }
}
`;

const valid: Valid[] = [
  // Triage (puppeteer's ExecutionContext, TargetManager): the emitter sits in a disposable stack,
  // whose disposal removes the async listener with it.
  `
import { EventEmitter } from 'node:events';
declare class Stack {
  use<T>(value: T): T;
  dispose(): void;
}
export class Context {
  #disposables = new Stack();
  constructor(client: EventEmitter) {
    const events = this.#disposables.use(new EventEmitter(client));
    events.on('destroyed', async () => {
      await this.dispose();
    });
  }
  async dispose(): Promise<void> {
    this.#disposables.dispose();
  }
}
`,
  // The factory pattern: the constructor only assigns what the factory awaited.
  `${db}
export class Repository {
  private constructor(private readonly pool: Pool, readonly tables: string[]) {}
  static async create(url: string): Promise<Repository> {
    const pool = new Pool();
    await pool.connect(url);
    const tables = (await pool.query('show tables')) as string[];
    return new Repository(pool, tables);
  }
}
`,
  // Sync set-up: fields, maps, a super call, a bound handler.
  `
import { EventEmitter } from 'node:events';
export class Queue extends EventEmitter {
  private readonly items = new Map<string, number>();
  private readonly onTick: () => void;
  constructor(readonly name: string) {
    super();
    this.items.set(name, 0);
    this.onTick = () => this.emit('tick');
  }
}
`,
  // Promise plumbing that starts no work: a resolved chain head, a deferred.
  `
export class Serializer {
  private tail: Promise<void> = Promise.resolve();
  readonly ready: Promise<void>;
  private markReady!: () => void;
  constructor() {
    this.tail = Promise.resolve();
    this.ready = new Promise<void>((resolve) => { this.markReady = resolve; });
  }
}
`,
  // Async functions defined, not started.
  `
export class Button {
  onClick: () => Promise<void>;
  constructor(private readonly url: string) {
    this.onClick = async () => {
      await fetch(this.url);
    };
  }
}
`,
  // Timers and listeners the class tears down, listeners on itself, sync callbacks.
  `
import { EventEmitter } from 'node:events';
export class Poller extends EventEmitter {
  private readonly timer: NodeJS.Timeout;
  constructor(private readonly bus: EventEmitter) {
    super();
    this.timer = setInterval(async () => { await this.poll(); }, 1000);
    bus.on('reload', this.reload);
    bus.on('config', async () => { await this.poll(); });
    this.on('error', async () => { await this.poll(); });
    setTimeout(() => console.log('started'), 0);
  }
  private readonly reload = () => console.log('reload');
  async poll(): Promise<void> {}
  close() {
    clearInterval(this.timer);
    this.bus.off('config', this.reload);
  }
}
`,
  // Async work started in a method, not in the constructor.
  `${db}
export class Service {
  private readonly pool = new Pool();
  async start(url: string) {
    await this.pool.connect(url);
  }
}
`,
  // A function that is also called without new is not a constructor (skipped on purpose).
  `
async function connect(url: string) { return url; }
export function Loader(this: unknown, url: string) {
  void connect(url);
}
Loader.call({}, 'db://');
`,
  // Lazy one-time initialisation shared by all instances.
  `
import { readFileSync } from 'node:fs';
let defaults: object | undefined;
export class Settings {
  readonly values: object;
  constructor() {
    if (!defaults) defaults = JSON.parse(readFileSync('defaults.json', 'utf8')) as object;
    this.values = { ...defaults };
  }
}
`,
  // A command-line script may block at construction: nothing else is running (skipped on purpose).
  `#!/usr/bin/env node
import { readFileSync } from 'node:fs';
class Cli {
  readonly pkg: { version: string };
  constructor() {
    this.pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  }
}
console.log(new Cli().pkg.version);
`,
  // Unknown in both modes: a parameter of unknown type.
  `
export class Wrapper {
  constructor(client: { start(): unknown }) {
    client.start();
  }
}
`,
  {
    // A code base that always awaits its ready promises.
    code: `${db}
export class Client {
  readonly ready: Promise<void>;
  private readonly pool = new Pool();
  constructor(url: string) {
    this.ready = this.pool.connect(url);
  }
}
`,
    options: [{ allowReadyPromise: true }],
  },
];

const invalid: Invalid[] = [
  {
    // The ready promise: callers get a half-built object unless they remember to await it.
    code: `${db}
export class Client {
  readonly ready: Promise<void>;
  private readonly pool = new Pool();
  constructor(url: string) {
    this.ready = this.pool.connect(url);
  }
  query(sql: string) {
    return this.pool.query(sql);
  }
}
`,
    errors: [
      {
        messageId: 'readyPromise',
        data: { name: 'Client', call: 'this.pool.connect()', field: 'this.ready' },
        line: 11,
        column: 18,
      },
    ],
  },
  {
    // Dropped, chained, an async IIFE and fetch.
    code: `${db}
export class Dashboard {
  private pool = new Pool();
  rows: unknown[] = [];
  constructor(url: string) {
    this.pool.connect(url);
    this.pool.query('select * from stats').then((rows) => { this.rows = rows; });
    (async () => {
      await this.pool.query('select 1');
    })();
    void fetch(\`\${url}/warmup\`);
  }
}
`,
    errors: [
      { messageId: 'asyncWork', data: { name: 'Dashboard', call: 'this.pool.connect()' }, line: 11, column: 5 },
      { messageId: 'asyncWork', data: { name: 'Dashboard', call: 'this.pool.query()' }, line: 12, column: 5 },
      { messageId: 'asyncWork', data: { name: 'Dashboard', call: '(async () => { ... })()' }, line: 13, column: 5 },
      { messageId: 'asyncWork', data: { name: 'Dashboard', call: 'fetch()' }, line: 16, column: 10 },
    ],
  },
  {
    // A handled rejection still leaves the object half-built.
    code: `
async function loadPlugins(dir: string): Promise<string[]> { return [dir]; }
export class PluginHost {
  plugins: string[] = [];
  constructor(dir: string) {
    loadPlugins(dir)
      .then((plugins) => { this.plugins = plugins; })
      .catch((error: unknown) => console.error(error));
  }
}
`,
    errors: [{ messageId: 'asyncWork', data: { name: 'PluginHost', call: 'loadPlugins()' }, line: 6, column: 5 }],
  },
  {
    // Blocking I/O, directly and through a same-file helper.
    code: `import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
function loadConfig(file: string) {
  return JSON.parse(readFileSync(file, 'utf8')) as { port: number };
}
export class Server {
  readonly config: { port: number };
  readonly revision: string;
  constructor(file: string) {
    this.config = loadConfig(file);
    this.revision = execSync('git rev-parse HEAD').toString();
  }
}
`,
    errors: [
      {
        messageId: 'blockingIo',
        data: { name: 'Server', callee: '`loadConfig()`, which runs `readFileSync` (line 4),' },
        line: 10,
        column: 19,
      },
      { messageId: 'blockingIo', data: { name: 'Server', callee: '`execSync`' }, line: 11, column: 21 },
    ],
  },
  {
    // An async timer and listener that nothing tears down.
    code: `import { EventEmitter } from 'node:events';
export class Metrics {
  constructor(bus: EventEmitter) {
    setInterval(async () => {
      await this.flush();
    }, 10_000);
    bus.on('shutdown', () => this.flush());
  }
  async flush(): Promise<void> {}
}
`,
    errors: [
      { messageId: 'asyncCallback', data: { name: 'Metrics', api: 'setInterval' }, line: 4, column: 5 },
      { messageId: 'asyncCallback', data: { name: 'Metrics', api: 'bus.on' }, line: 7, column: 5 },
    ],
  },
  {
    // allowReadyPromise accepts fields only: a dropped promise is still reported.
    code: `${db}
export class Client {
  readonly ready: Promise<void>;
  private readonly pool = new Pool();
  constructor(url: string) {
    this.ready = this.pool.connect(url);
    this.pool.query('set search_path = app');
  }
}
`,
    options: [{ allowReadyPromise: true }],
    errors: [{ messageId: 'asyncWork', line: 12, column: 5 }],
  },
  {
    // A class expression held in a const is named after it.
    code: `
export const Session = class {
  constructor(readonly id: string) {
    void fetch(\`/sessions/\${id}/touch\`, { method: 'POST' });
  }
};
`,
    errors: [{ messageId: 'asyncWork', data: { name: 'Session', call: 'fetch()' }, line: 4, column: 10 }],
  },
];

/** The checker knows promise-returning methods and blocking helpers syntax cannot see. */
const typedOnlyInvalid: Invalid[] = [
  {
    code: `import { Resolver } from 'node:dns/promises';
export class HostCache {
  readonly addresses: Promise<string[]>;
  constructor(private readonly resolver: Resolver, host: string) {
    this.addresses = resolver.resolve4(host);
  }
}
`,
    errors: [{ messageId: 'readyPromise', data: { name: 'HostCache', call: 'resolver.resolve4()', field: 'this.addresses' }, line: 5, column: 22 }],
  },
  {
    code: `import { loadSettings } from './blocking-helpers.js';
export class App {
  readonly settings: Record<string, unknown>;
  constructor() {
    this.settings = loadSettings('settings.json');
  }
}
`,
    errors: [
      {
        messageId: 'blockingIo',
        data: { name: 'App', callee: '`loadSettings()`, which runs `readFileSync` (blocking-helpers.ts:6),' },
        line: 5,
        column: 21,
      },
    ],
  },
];

const untypedOnlyValid: Valid[] = typedOnlyInvalid.map(({ code }) => code);

const javascript = {
  valid: [
    {
      // The factory pattern in CommonJS.
      code: `const fs = require('fs');
function Store(data) { this.data = data; }
Store.open = async function (file) {
  return new Store(await fs.promises.readFile(file, 'utf8'));
};
module.exports = Store;
`,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      // A constructor function this file only calls with new.
      code: `const fs = require('fs');
function Store(file) {
  this.file = file;
  this.data = JSON.parse(fs.readFileSync(file, 'utf8'));
}
Store.prototype.save = function () {
  fs.writeFileSync(this.file, JSON.stringify(this.data));
};
module.exports = new Store('db.json');
`,
      languageOptions: commonjs,
      errors: [{ messageId: 'blockingIo' as const, data: { name: 'Store', callee: '`fs.readFileSync`' }, line: 4, column: 26 }],
    },
  ],
};

createRuleTester({ typed: false }).run('no-io-in-constructor (untyped)', rule, {
  valid: cloneCases([...valid, ...untypedOnlyValid]),
  invalid: cloneCases(invalid),
});

createRuleTester({ typed: true }).run('no-io-in-constructor (typed)', rule, {
  valid: cloneCases(valid),
  invalid: cloneCases([...invalid, ...typedOnlyInvalid]),
});

createRuleTester({ typed: false }).run('no-io-in-constructor (JavaScript)', rule, javascript);
