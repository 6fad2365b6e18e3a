import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { FunctionNode } from '../../lib/ast.js';
import { constructorInfo, constructorIo, type ConstructorIoOptions } from '../../lib/constructors.js';
import { getPromiseOracle } from '../../lib/promise-oracle.js';
import { probeNodes, type LintOptions } from './probe.js';

/** Every function's constructor name, or null when `new` does not run it. */
function constructors(code: string, lint?: LintOptions): (string | null)[] {
  return probeNodes(code, ':function', (context, fn: FunctionNode) => constructorInfo(context.sourceCode, fn)?.name ?? null, lint);
}

/** For every constructor: what it starts, as `kind line detail`. */
function io(code: string, options: ConstructorIoOptions = {}, lint?: LintOptions): string[] {
  return probeNodes(
    code,
    ':function',
    (context, fn: FunctionNode) => {
      const ctor = constructorInfo(context.sourceCode, fn);
      if (!ctor) return [];
      return constructorIo(context.sourceCode, getPromiseOracle(context), ctor, options).map((found) => {
        const line = String(found.node.loc.start.line);
        switch (found.kind) {
          case 'async-work':
            return `async-work ${line} ${found.field ?? '-'}`;
          case 'blocking':
            return `blocking ${line} ${found.label}${found.site ? ` -> ${found.site.label}@${String(found.site.line)}` : ''}`;
          case 'async-callback':
            return `async-callback ${line} ${found.api}`;
        }
      });
    },
    lint,
  ).flat();
}

describe('constructorInfo', () => {
  it('knows class constructors, and functions called only with new', () => {
    const code = `
      export class Client { constructor() {} connect() {} }
      const Anonymous = class { constructor() {} };
      function Queue() {}
      Queue.prototype.push = function () {};
      export const queue = new Queue();
      function helper() {}
      helper();
      export const make = () => new Client();
    `;
    expect(constructors(code)).toEqual(['Client', null, 'Anonymous', 'Queue', null, null, null]);
  });

  it('counts a plain function only when every call is `new` (CommonJS)', () => {
    const code = `
      function Queue(name) { this.name = name; }
      Queue.prototype.push = function (item) { this.items.push(item); };
      module.exports = { queue: new Queue('jobs') };
      function Mixed() {}
      new Mixed();
      Mixed();
      const Pool = function (size) { this.size = size; };
      exports.pool = new Pool(4);
    `;
    expect(constructors(code, { sourceType: 'commonjs' })).toEqual(['Queue', null, null, 'Pool']);
  });
});

describe('constructorIo', () => {
  const api = `
    import { readFileSync } from 'node:fs';
    import { EventEmitter } from 'node:events';
    async function connect(url: string) { return { url }; }
    function loadConfig(file: string) { return JSON.parse(readFileSync(file, 'utf8')) as object; }
  `;

  it('finds async work: dropped, stored, chained, fetch, async IIFEs', () => {
    const code = `${api}
      export class Client {
        ready: Promise<void>;
        conn?: { url: string };
        constructor(private url: string) {
          this.ready = this.init();
          connect(url).then((conn) => { this.conn = conn; });
          void fetch(url);
          (async () => { await this.init(); })();
          this.queue = Promise.resolve();
          [url].forEach((u) => connect(u));
          setImmediate(() => console.log('later'));
          this.both = Promise.all([connect(url), this.init()]);
          // Arguments and operands are other rules' business (no-unawaited-value).
          console.log(connect(url));
          this.label = \`\${String(connect(url))}\`;
        }
        queue: Promise<void>;
        both: Promise<unknown>;
        private async init() {}
      }
    `;
    expect(io(code)).toEqual([
      'async-work 11 this.ready',
      'async-work 12 -',
      'async-work 13 -',
      'async-work 14 -',
      'async-work 16 -',
      'async-work 18 this.both',
    ]);
    expect(io(code, { allowReadyPromise: true })).toEqual(['async-work 12 -', 'async-work 13 -', 'async-work 14 -', 'async-work 16 -']);
  });

  it('finds blocking I/O, directly and through same-file helpers, but not lazy or in CLI mode', () => {
    const code = `${api}
      let shared: string | undefined;
      export class Settings {
        values: object;
        raw: string;
        constructor(file: string) {
          this.values = loadConfig(file);
          this.raw = readFileSync(file, 'utf8');
          if (!shared) shared = readFileSync('shared.json', 'utf8');
        }
      }
    `;
    expect(io(code)).toEqual(['blocking 12 loadConfig -> readFileSync@5', 'blocking 13 readFileSync']);
    expect(io(code, { checkBlocking: false })).toEqual([]);
  });

  it('finds timers and listeners with async callbacks that nothing tears down', () => {
    const code = `${api}
      export class Poller extends EventEmitter {
        timer: NodeJS.Timeout;
        constructor(private bus: EventEmitter) {
          super();
          this.timer = setInterval(async () => { await this.poll(); }, 1000);
          bus.on('reload', () => this.poll());
          setTimeout(this.poll.bind(this), 10);
          this.on('self', async () => {});
          bus.on('sync', () => console.log('sync'));
        }
        async poll() {}
      }
      export class Tidy {
        timer: NodeJS.Timeout;
        constructor(private bus: EventEmitter, signal: AbortSignal) {
          this.timer = setInterval(async () => {}, 1000);
          bus.on('tick', async () => {});
          bus.on('tock', async () => {}, { signal } as never);
        }
        close() {
          clearInterval(this.timer);
          this.bus.off('tick', () => {});
        }
      }
    `;
    expect(io(code)).toEqual([
      'async-callback 11 setInterval',
      'async-callback 12 bus.on',
      'async-callback 13 setTimeout',
    ]);
  });

  it('takes an emitter held in a disposable stack or a `using` declaration as torn down', () => {
    const code = `${api}
      declare class Stack { use<T>(value: T): T; }
      export class Context {
        #disposables = new Stack();
        constructor(client: EventEmitter, other: EventEmitter) {
          const events = this.#disposables.use(new EventEmitter());
          events.on('destroyed', async () => {});
          using scoped = new EventEmitter();
          scoped.on('x', async () => {});
          const plain = this.#disposables.use(client);
          plain.on('y', async () => {});
          other.on('z', async () => {});
        }
      }
    `;
    expect(io(code)).toEqual(['async-callback 16 plain.on', 'async-callback 17 other.on']);
  });

  it('looks at constructor functions and leaves callbacks alone', () => {
    const code = `
      const fs = require('fs');
      function Store(file) {
        this.data = fs.readFileSync(file, 'utf8');
        this.save = function () { fs.writeFileSync(file, this.data); };
      }
      module.exports = new Store('db.json');
    `;
    expect(io(code, {}, { sourceType: 'commonjs' })).toEqual(['blocking 4 fs.readFileSync']);
  });
});

describe('constructorIo on code without constructors', () => {
  it('finds nothing in methods, even async ones', () => {
    const code = `
      export class Client {
        async connect(): Promise<void> { await fetch('/'); }
        start() { void this.connect(); }
      }
    `;
    expect(io(code)).toEqual([]);
    expect(probeNodes(code, 'MethodDefinition', (_context, node: TSESTree.MethodDefinition) => node.kind)).toEqual(['method', 'method']);
  });
});
