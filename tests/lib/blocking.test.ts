import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  BUSY_WAIT,
  asyncRunner,
  busyWaitLoop,
  getBlockingAnalysis,
  isConfigFile,
  isInBuildTimeFunction,
  isInTestBody,
  isLazyInit,
  isWorkerThreadScript,
  runsInPlace,
  type BlockingOptions,
  type LoopNode,
} from '../../lib/blocking.js';
import { isFunctionNode } from '../../lib/ast.js';
import { probeCalls, probeNodes, type LintOptions } from './probe.js';

/** For every `probe(<call>)`: the blocking call's label and module export, or null. */
function blockingCalls(code: string, options: BlockingOptions = {}, lint?: LintOptions): (string | null)[] {
  return probeCalls(
    code,
    (context, call) => {
      const [argument] = call.arguments;
      if (argument?.type !== 'CallExpression') throw new Error('probe(<call>) expected');
      const found = getBlockingAnalysis(context.sourceCode, options).blockingCall(argument);
      if (!found) return null;
      return found.target ? `${found.label} = ${found.target.module}:${found.target.path.join('.')}` : `${found.label} (user)`;
    },
    lint,
  );
}

describe('blockingCall: resolution through lib/imports', () => {
  it('resolves named, aliased, default and namespace imports, with and without node:', () => {
    const code = `
      import { readFileSync, writeFileSync as save } from 'node:fs';
      import fs from 'fs';
      import * as cp from 'node:child_process';
      import { default as zlib } from 'zlib';
      export async function run() {
        probe(readFileSync('a'));
        probe(save('b', ''));
        probe(fs.statSync('c'));
        probe(cp.execSync('ls'));
        probe(zlib.gzipSync('x'));
      }
    `;
    expect(blockingCalls(code)).toEqual([
      'readFileSync = fs:readFileSync',
      'save = fs:writeFileSync',
      'fs.statSync = fs:statSync',
      'cp.execSync = child_process:execSync',
      'zlib.gzipSync = zlib:gzipSync',
    ]);
  });

  it('resolves require with and without destructuring, and createRequire', () => {
    const code = `
      const fs = require('fs');
      const { execFileSync: run } = require('node:child_process');
      const { pbkdf2Sync } = require('crypto');
      probe(fs.readFileSync('a'));
      probe(run('git', ['status']));
      probe(pbkdf2Sync('pw', 'salt', 1, 32, 'sha256'));
      probe(require('fs').existsSync('b'));
    `;
    expect(blockingCalls(code, {}, { sourceType: 'commonjs' })).toEqual([
      'fs.readFileSync = fs:readFileSync',
      'run = child_process:execFileSync',
      'pbkdf2Sync = crypto:pbkdf2Sync',
      "require('fs').existsSync = fs:existsSync",
    ]);
  });

  it('tells fs.promises from fs, and callback APIs from sync ones', () => {
    const code = `
      import fs, { promises as fsp, readFile } from 'node:fs';
      import { readFile as readFileAsync } from 'node:fs/promises';
      export async function run() {
        probe(fs.promises.readFile('a'));
        probe(fsp.readFile('b'));
        probe(readFileAsync('c'));
        probe(readFile('d', () => {}));
      }
    `;
    expect(blockingCalls(code)).toEqual([null, null, null, null]);
  });

  it('resolves packages, globals and deasync-made functions', () => {
    const code = `
      import glob from 'glob';
      import fg from 'fast-glob';
      import { execaSync } from 'execa';
      import spawn from 'cross-spawn';
      import sleep from 'system-sleep';
      import readlineSync from 'readline-sync';
      import deasync from 'deasync';
      import { readFile } from 'node:fs';
      const readNow = deasync(readFile);
      export async function run(view: Int32Array) {
        probe(glob.sync('*.ts'));
        probe(fg.sync('*.ts'));
        probe(execaSync('ls'));
        probe(spawn.sync('ls'));
        probe(sleep(100));
        probe(readlineSync.question('name? '));
        probe(Atomics.wait(view, 0, 0, 100));
        probe(readNow('a'));
      }
    `;
    expect(blockingCalls(code)).toEqual([
      'glob.sync = glob:sync',
      'fg.sync = fast-glob:sync',
      'execaSync = execa:execaSync',
      'spawn.sync = cross-spawn:sync',
      'sleep = system-sleep:',
      'readlineSync.question = readline-sync:question',
      'Atomics.wait = <global>:Atomics.wait',
      'readNow = deasync:',
    ]);
  });

  it('does not mistake look-alikes: local functions, other objects, shadowed globals', () => {
    const code = `
      function readFileSync(path: string) { return path; }
      const cache = { statSync: (p: string) => p };
      export async function run(Atomics: { wait(): void }, db: { querySync(): void }) {
        probe(readFileSync('a'));
        probe(cache.statSync('b'));
        probe(Atomics.wait());
        probe(db.querySync());
      }
    `;
    expect(blockingCalls(code)).toEqual([null, null, null, null]);
  });

  it('adds the callees of the `blocking` option and drops those of `allow`', () => {
    const code = `
      import Database from 'better-sqlite3';
      import { readFileSync } from 'node:fs';
      export async function run(db: Database) {
        probe(db.prepare('select 1'));
        probe(readFileSync('a'));
        probe(querySync());
      }
      function querySync() {}
    `;
    expect(blockingCalls(code, { blocking: ['db.prepare', { from: 'file', name: 'querySync' }], allow: ['readFileSync'] })).toEqual([
      'db.prepare (user)',
      null,
      'querySync (user)',
    ]);
  });
});

/** For every `probe()` call: the kind of async code it runs in, or null. */
function runners(code: string, checkCallbacks = false, lint?: LintOptions): (string | null)[] {
  return probeCalls(code, (context, call) => asyncRunner(context.sourceCode, call, { checkCallbacks })?.kind ?? null, lint);
}

describe('asyncRunner', () => {
  it('names async functions, promise callbacks and executors, through IIFEs and in-place callbacks', () => {
    const code = `
      probe();
      export async function load(files: string[]) {
        probe();
        files.forEach((file) => probe());
        files.map(function (file) { return [file].filter(() => probe()); });
        (() => probe())();
        const later = () => probe();
        setTimeout(() => probe(), 10);
        return later;
      }
      export function chain(p: Promise<string>) {
        return p.then((value) => probe()).catch(() => probe());
      }
      export const wait = () => new Promise<void>((resolve) => { probe(); resolve(); });
      export function plain() { probe(); }
      export class Store {
        constructor() { probe(); }
        async save() { probe(); }
        *ids() { probe(); }
      }
    `;
    expect(runners(code)).toEqual([
      null,
      'async-function',
      'async-function',
      'async-function',
      'async-function',
      null,
      null,
      'promise-callback',
      'promise-callback',
      'promise-executor',
      null,
      null,
      'async-function',
      null,
    ]);
  });

  it('with checkCallbacks, also names listener, timer and route callbacks, but not process handlers', () => {
    const code = `
      import { EventEmitter } from 'node:events';
      import http from 'node:http';
      declare const app: { get(path: string, handler: () => void): void };
      const bus = new EventEmitter();
      bus.on('job', () => probe());
      setInterval(() => probe(), 1000);
      app.get('/users', () => probe());
      http.createServer(() => probe());
      process.on('exit', () => probe());
      [1].forEach(() => probe());
    `;
    expect(runners(code, true)).toEqual(['callback', 'callback', 'callback', 'callback', null, null]);
    expect(runners(code, false)).toEqual([null, null, null, null, null, null]);
  });
});

describe('isInTestBody', () => {
  it('knows test bodies and hooks of the usual runners, however they are chained', () => {
    const code = `
      declare const it: any, test: any, describe: any, beforeEach: any, app: any;
      it('reads', async () => { probe(); });
      test.each([1])('row %d', async () => { probe(); });
      describe('suite', () => { beforeEach(async () => { [1].map(() => probe()); }); });
      test.only ('focused', () => probe());
      app.get('/x', async () => { probe(); });
      export async function helper() { probe(); }
    `;
    expect(probeCalls(code, (_context, call) => isInTestBody(call))).toEqual([true, true, true, true, false, false]);
  });
});

describe('isInBuildTimeFunction and isConfigFile', () => {
  it('knows the build-time entry points of Next.js, and tool config files', () => {
    const code = `
      export async function getStaticProps() { probe(); return { props: {} }; }
      export const getStaticPaths = async () => ({ paths: [1].map(() => probe()), fallback: false });
      export async function generateStaticParams() { probe(); return []; }
      export async function getServerSideProps() { probe(); return { props: {} }; }
    `;
    expect(probeCalls(code, (_context, call) => isInBuildTimeFunction(call))).toEqual([true, true, true, false]);
    expect(['vite.config.ts', 'eslint.config.mjs', '/p/vitest.config.mts', 'next.config.js', 'config.ts', 'app.configure.ts'].map(isConfigFile)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('isWorkerThreadScript', () => {
  it('knows the worker side of worker_threads', () => {
    expect(isWorkerThreadScript(`import { parentPort } from 'node:worker_threads';\nparentPort?.on('message', () => {});`)).toBe(true);
    expect(isWorkerThreadScript(`const { workerData } = require("worker_threads");`)).toBe(true);
    expect(isWorkerThreadScript(`import { Worker } from 'node:worker_threads';\nnew Worker('./job.js');`)).toBe(false);
    expect(isWorkerThreadScript(`const parentPort = 1;`)).toBe(false);
    expect(isWorkerThreadScript(`const port = require('worker_threads').parentPort;`)).toBe(true);
    // The spawning side runs on the main thread, whatever it passes the worker.
    expect(isWorkerThreadScript(`import { Worker } from 'node:worker_threads';\nconst workerData = { id: 1 };\nnew Worker('./job.js', { workerData });`)).toBe(false);
    expect(isWorkerThreadScript(`const { Worker, workerData } = require('worker_threads');\nnew Worker(__filename);`)).toBe(false);
  });
});

describe('runsInPlace', () => {
  it('is true for IIFEs and callbacks of in-place array methods only', () => {
    const code = `
      (() => 1)();
      [1].map((n) => n);
      Array.from([1], (n) => n);
      [1].map(async (n) => n);
      setTimeout(() => 1);
      const f = () => 1;
    `;
    expect(probeNodes(code, ':function', (_context, node: TSESTree.Node) => isFunctionNode(node) && runsInPlace(node))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

/** For every loop: null, or the delay its fix would wait (`-` when it has none). */
function busyWaits(code: string): (string | null)[] {
  return probeNodes(code, 'WhileStatement, DoWhileStatement, ForStatement', (context, loop: LoopNode) => {
    const wait = busyWaitLoop(context.sourceCode, loop);
    return wait ? (wait.delay ?? '-') : null;
  });
}

describe('busyWaitLoop', () => {
  it('finds loops that spin on the clock, and the delay that replaces them', () => {
    const code = `
      export function spin(ms: number, deadline: number) {
        const start = Date.now();
        while (Date.now() - start < ms) {}
        while (Date.now() < deadline);
        while (deadline > performance.now()) {}
        const began = Date.now();
        console.log(began);
        while (Date.now() - began < ms) {}
        do {} while (new Date().getTime() < deadline);
        for (const t0 = Date.now(); Date.now() - t0 < ms; ) {}
      }
    `;
    expect(busyWaits(code)).toEqual([
      'ms',
      'deadline - Date.now()',
      'deadline - performance.now()',
      'ms - (Date.now() - began)',
      'deadline - new Date().getTime()',
      'ms - (Date.now() - t0)',
    ]);
  });

  it('finds spin-polls and refreshed clocks, without a fix', () => {
    const code = `
      import { existsSync } from 'node:fs';
      export function spin(deadline: number, lock: string, ms: number) {
        while (!existsSync(lock) && Date.now() < deadline) {}
        let now = Date.now();
        while (now < deadline) { now = Date.now(); }
        while (true) { if (Date.now() >= deadline) break; }
        const start = process.hrtime.bigint();
        while (process.hrtime.bigint() - start < BigInt(ms) * 1_000_000n) {}
        let spins = 0;
        while (+new Date() < deadline) { spins++; }
      }
    `;
    expect(busyWaits(code)).toEqual(['-', '-', '-', '-', '-']);
  });

  it('finds loops that only time can end, whatever their body does', () => {
    const code = `
      export function burn(end: number, work: () => void) {
        while (Date.now() < end) { Math.random(); }
        while (true) { if (Date.now() > end) break; work(); }
      }
    `;
    expect(busyWaits(code)).toEqual(['-', '-']);
  });

  it('leaves loops that work, wait or do not look at the clock', () => {
    const code = `
      export async function work(queue: string[], handle: (item: string) => void, deadline: number) {
        while (queue.length > 0 && Date.now() < deadline) { handle(queue.shift() ?? ''); }
        while (Date.now() < deadline) { const item = queue.shift(); if (item === undefined) break; handle(item); }
        while (Date.now() < deadline) { await new Promise((resolve) => setTimeout(resolve, 10)); }
        for (let i = 0; i < 10; i++) {}
        while (queue.length > 0) { queue.pop(); }
        while (true) { if (queue.length === 0) break; }
        const Date = { now: () => 0 };
        while (Date.now() < deadline) {}
      }
    `;
    expect(busyWaits(code)).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('mayBlock', () => {
  it('skips files where nothing can block, unless the options name blocking callees', () => {
    const code = `
      function readFileSync(file: string) { return file; }
      export async function run() { probe(readFileSync('a')); }
    `;
    expect(probeCalls(code, (context) => getBlockingAnalysis(context.sourceCode).mayBlock)).toEqual([false]);
    expect(blockingCalls(code)).toEqual([null]);
    expect(probeCalls(code, (context) => getBlockingAnalysis(context.sourceCode, { blocking: ['readFileSync'] }).mayBlock)).toEqual([true]);
    expect(blockingCalls(code, { blocking: ['readFileSync'] })).toEqual(['readFileSync (user)']);
  });
});

describe('isLazyInit', () => {
  it('knows one-time initialisation by its guard', () => {
    const code = `
      let cached: string | undefined;
      let other: string | undefined;
      export class Templates {
        private page?: string;
        get() {
          if (!cached) cached = probe();
          cached ??= probe();
          if (!this.page) { this.page = probe(); }
          if (!other) console.log(probe());
          return probe();
        }
        load() {
          if (cached) return cached;
          cached = probe();
          return cached;
        }
        byKey(cache: Map<string, string>, key: string, output?: string, seen = new Set<string>()) {
          if (!cache.has(key)) cache.set(key, probe());
          if (!seen.has(key)) { probe(); seen.add(key); }
          if (cached === undefined || other === null) { cached = probe(); }
          if (output) { output = probe(); }
          if (cached !== undefined) { cached = probe(); }
          return cache.get(key);
        }
      }
    `;
    expect(
      probeCalls(code, (context, call) => {
        let fn: TSESTree.Node | undefined = call.parent;
        while (fn && !isFunctionNode(fn)) fn = fn.parent;
        return isLazyInit(context.sourceCode, call, fn ?? null);
      }),
    ).toEqual([true, true, true, false, false, true, true, true, true, false, false]);
  });
});

/** For every `probe(<call>)`: where the called same-file function blocks, as `label@line`, or null. */
function helpers(code: string, options: BlockingOptions = {}): (string | null)[] {
  return probeCalls(code, (context, call) => {
    const [argument] = call.arguments;
    if (argument?.type !== 'CallExpression') throw new Error('probe(<call>) expected');
    const found = getBlockingAnalysis(context.sourceCode, options).blockingHelper(argument);
    return found ? `${found.site.label}@${String(found.site.line)}` : null;
  });
}

describe('blockingHelper: same-file sync functions that block', () => {
  it('follows functions, consts, methods, object methods and static methods, through further calls', () => {
    const code = `
      import { readFileSync, writeFileSync } from 'node:fs';
      import { execSync } from 'node:child_process';
      function readConfig(file: string) {
        return JSON.parse(readFileSync(file, 'utf8'));
      }
      const loadAll = (files: string[]) => files.map((file) => readConfig(file));
      const store = { save(data: string) { writeFileSync('out', data); } };
      class Git {
        static head() { return execSync('git rev-parse HEAD').toString(); }
        revision() { return this.describe(); }
        describe() { return Git.head(); }
      }
      export async function run(git: Git) {
        probe(readConfig('a.json'));
        probe(loadAll(['a']));
        probe(store.save('x'));
        probe(Git.head());
        probe(new Git().revision());
      }
      export class Service extends Git {
        async run() {
          probe(this.revision());
        }
      }
    `;
    expect(helpers(code)).toEqual([
      'readFileSync@5',
      'readFileSync@5',
      'writeFileSync@8',
      "execSync@10",
      null,
      "execSync@10",
    ]);
  });

  it('counts busy-wait loops and stops at async functions, callbacks and lazy initialisation', () => {
    const code = `
      import { readFileSync } from 'node:fs';
      function sleepSync(ms: number) {
        const end = Date.now() + ms;
        while (Date.now() < end) {}
      }
      async function readLater() { return readFileSync('a'); }
      function schedule() { setTimeout(() => readFileSync('b'), 10); }
      let template: string | undefined;
      function page() {
        if (!template) template = readFileSync('page.html', 'utf8');
        return template;
      }
      function format(name: string) { return name.trim(); }
      export async function run() {
        probe(sleepSync(10));
        probe(readLater());
        probe(schedule());
        probe(page());
        probe(format(' x '));
        probe((() => readFileSync('c'))());
      }
    `;
    expect(helpers(code)).toEqual([`${BUSY_WAIT}@5`, null, null, null, null, null]);
  });

  it('is cycle-safe and still finds a blocking call reached through a cycle', () => {
    const code = `
      import { readFileSync } from 'node:fs';
      function even(n: number): boolean { return n === 0 ? true : odd(n - 1); }
      function odd(n: number): boolean { return n === 0 ? false : even(n - 1); }
      function a(n: number): string { return n > 0 ? b(n - 1) : ''; }
      function b(n: number): string { return n > 0 ? a(n - 1) : readFileSync('x', 'utf8'); }
      export async function run() {
        probe(even(4));
        probe(a(3));
        probe(b(3));
      }
    `;
    expect(helpers(code)).toEqual([null, 'readFileSync@6', 'readFileSync@6']);
  });

  it('honours allow for the helper and for the calls inside it', () => {
    const code = `
      import { readFileSync } from 'node:fs';
      function loadConfig() { return readFileSync('config.json', 'utf8'); }
      export async function run() {
        probe(loadConfig());
      }
    `;
    expect(helpers(code, { allow: ['loadConfig'] })).toEqual([null]);
    expect(helpers(code, { allow: [{ from: 'package', package: 'node:fs', name: 'readFileSync' }] })).toEqual([null]);
    expect(helpers(code)).toEqual(['readFileSync@3']);
  });

  it('caches one summary per declaration', () => {
    const code = `
      import { readFileSync } from 'node:fs';
      function loadConfig() { return readFileSync('config.json', 'utf8'); }
      export async function run() {
        probe(loadConfig());
        probe(loadConfig());
      }
    `;
    const sites = probeCalls(code, (context, call) => {
      const [argument] = call.arguments;
      if (argument?.type !== 'CallExpression') throw new Error('probe(<call>) expected');
      return getBlockingAnalysis(context.sourceCode).blockingHelper(argument)?.site;
    });
    expect(sites[0]).toBeDefined();
    expect(sites[0]).toBe(sites[1]);
  });
});
