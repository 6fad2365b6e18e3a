/**
 * The runtime shim end to end: realistic snippets for each hazard it observes,
 * next to their fixed versions, run in the real worker. Verdicts are counts,
 * never timings, so every assertion here holds on a loaded machine.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hazardsIn, interleavings, type HazardReport } from '../../../lib/runtime/report.js';
import { closeRuntime, runSnippet, typeCheckSnippet } from '../../../lib/runtime/run-snippet.js';

afterAll(closeRuntime);

const hazards = (report: HazardReport): string[] => [...hazardsIn(report)].sort();

describe('unhandled rejections', () => {
  const dropped = `
async function saveOrder(order: { id: string }): Promise<void> {
  if (!order.id) throw new Error('order without id');
}

export async function checkout(order: { id: string }) {
  saveOrder(order);
  return 'confirmed';
}

console.log(await checkout({ id: '' }));
`;

  it('a dropped async call that rejects, with the stack where it was started', async () => {
    const report = await runSnippet(dropped);
    expect(hazards(report)).toEqual(['unhandledRejection']);
    expect(report.unhandledRejections).toHaveLength(1);
    const [rejection] = report.unhandledRejections;
    expect(rejection?.reason).toMatch(/^Error: order without id\n\s+at saveOrder \(snippet\.ts:3:/);
    // Created by saveOrder (line 2), started from checkout's line 7.
    expect(rejection?.creationStack).toMatch(/at saveOrder \(snippet\.ts:2:\d+\)\n\s+at checkout \(snippet\.ts:7:3\)/);
    expect(rejection?.handledLater).toBe(false);
    expect(report.order.map((event) => event.text)).toEqual(['confirmed']);
    expect(report.typeErrors).toEqual([]);
  });

  it('awaited, the error reaches the caller instead', async () => {
    const report = await runSnippet(dropped.replace('  saveOrder(order);', '  await saveOrder(order);'));
    expect(hazards(report)).toEqual([]);
    expect(report.error).toMatch(/^Error: order without id/);
    expect(report.order).toEqual([]);
  });

  it('`void p` silences the linter, not the runtime: the rejection is still unhandled', async () => {
    const report = await runSnippet(`
async function sendMetrics(): Promise<void> {
  throw new Error('metrics endpoint unreachable');
}
export function onRequest() {
  void sendMetrics();
}
onRequest();
`);
    expect(hazards(report)).toEqual(['unhandledRejection']);
  });

  it('a handler attached a turn too late still counts: Node has already reported (and by default crashed)', async () => {
    const report = await runSnippet(`
import { setTimeout as sleep } from 'node:timers/promises';
const job = Promise.reject(new Error('job failed'));
await sleep(1);
await job.catch(() => undefined);
`);
    expect(report.unhandledRejections).toHaveLength(1);
    expect(report.unhandledRejections[0]?.handledLater).toBe(true);
    expect(report.unhandledRejections[0]?.creationStack).toMatch(/snippet\.ts:3:/);
  });

  it('a rejection handled in the same turn is fine', async () => {
    const report = await runSnippet(`
const job = Promise.reject(new Error('job failed'));
await job.catch((error: unknown) => console.error('recovered from', String(error)));
`);
    expect(hazards(report)).toEqual([]);
    expect(report.order.map((event) => `${event.name}: ${event.text}`)).toEqual(['error: recovered from Error: job failed']);
  });
});

describe('work that outlives its caller', () => {
  const flush = (call: string): string => `
import { setTimeout as sleep } from 'node:timers/promises';

async function flushQueue(queue: string[]): Promise<void> {
  await sleep(5);
  queue.length = 0;
}

export async function main() {
  const queue = ['order-1', 'order-2'];
  ${call};
  return queue.length;
}
`;

  it('a dropped promise settles after main returned, and main saw the state before it', async () => {
    const report = await runSnippet(flush('flushQueue(queue)'));
    expect(hazards(report)).toEqual(['lateSettlement']);
    expect(report.result).toBe(2);
    expect(report.lateSettlements.map((late) => late.creationStack).join('\n')).toMatch(/at flushQueue \(snippet\.ts:\d+:\d+\)\n\s+at main \(snippet\.ts:11:3\)/);
    expect(report.hasMain).toBe(true);
  });

  it('awaited, it settles before main', async () => {
    const report = await runSnippet(flush('await flushQueue(queue)'));
    expect(hazards(report)).toEqual([]);
    expect(report.result).toBe(0);
    expect(report.yielded).toBe(true);
  });

  it('`.catch(() => {})` handles the rejection but the work still outlives main', async () => {
    const report = await runSnippet(flush('void flushQueue(queue).catch(() => undefined)'));
    expect(hazards(report)).toEqual(['lateSettlement']);
  });

  it('the loser of a Promise.race keeps running after main', async () => {
    const report = await runSnippet(`
import { setTimeout as sleep } from 'node:timers/promises';
async function fetchPrice(): Promise<number> {
  await sleep(20);
  return 42;
}
export async function main() {
  const cached = Promise.resolve(-1);
  return Promise.race([fetchPrice(), cached]);
}
`);
    expect(report.result).toBe(-1);
    expect(hazards(report)).toEqual(['lateSettlement']);
  });

  it('work finishing in the same macrotask (microtasks only) is not late', async () => {
    const report = await runSnippet(`
async function audit(entry: string): Promise<void> {
  await Promise.resolve();
  console.log('audited', entry);
}
export async function main() {
  void audit('login').catch(console.error);
  return 'done';
}
`);
    expect(hazards(report)).toEqual([]);
    expect(report.order.map((event) => event.text)).toEqual(['audited login']);
  });

  it('without an exported main, top-level work may outlive the module body (the program waits for it)', async () => {
    const report = await runSnippet(`
import { setTimeout as sleep } from 'node:timers/promises';
async function main(): Promise<void> {
  await sleep(5);
  console.log('served');
}
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`);
    expect(hazards(report)).toEqual([]);
    expect(report.hasMain).toBe(false);
    expect(report.yielded).toBeNull();
    expect(report.order.map((event) => event.text)).toEqual(['served']);
  });
});

describe('blocking calls', () => {
  it('readFileSync inside an async function, with its line', async () => {
    const report = await runSnippet(
      `
import { readFileSync } from 'node:fs';
export async function loadSettings(): Promise<{ port: number }> {
  return JSON.parse(readFileSync('settings.json', 'utf8')) as { port: number };
}
export async function main() {
  return (await loadSettings()).port;
}
`,
      { files: { 'settings.json': '{ "port": 8080 }' } },
    );
    expect(hazards(report)).toEqual(['blockingCall']);
    expect(report.result).toBe(8080);
    expect(report.blockingCalls).toEqual([
      { api: 'fs.readFileSync', context: 'async-function', stack: expect.stringMatching(/at loadSettings \(snippet\.ts:4:33\)\n\s+at main \(snippet\.ts:7:17\)/) as unknown },
    ]);
  });

  it('the fs/promises twin does not block', async () => {
    const report = await runSnippet(
      `
import { readFile } from 'node:fs/promises';
export async function main() {
  return (JSON.parse(await readFile('settings.json', 'utf8')) as { port: number }).port;
}
`,
      { files: { 'settings.json': '{ "port": 8080 }' } },
    );
    expect(hazards(report)).toEqual([]);
    expect(report.result).toBe(8080);
  });

  it('through a sync helper, in a promise callback, in a timer callback, and not at the top level', async () => {
    const report = await runSnippet(`
import fs from 'node:fs';
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { pbkdf2Sync } from 'node:crypto';

function version(): string {
  return execSync('node --version').toString().trim();
}
fs.writeFileSync('log.txt', 'boot\\n');
setTimeout(() => fs.appendFileSync('log.txt', 'tick\\n'), 1);

export async function main() {
  const v = version();
  const zipped = await Promise.resolve('payload').then((text) => gzipSync(text));
  pbkdf2Sync('secret', 'salt', 1, 32, 'sha256');
  return v.startsWith('v') && zipped.length > 0;
}
`);
    expect(report.result).toBe(true);
    expect(report.blockingCalls.map((call) => `${call.api} ${call.context}`)).toEqual([
      'fs.writeFileSync sync',
      'child_process.execSync async-function',
      'zlib.gzipSync promise-callback',
      'crypto.pbkdf2Sync async-function',
      'fs.appendFileSync callback',
    ]);
    expect(report.blockingCalls[1]?.stack).toMatch(/at version \(snippet\.ts:8:18\)\n\s+at main \(snippet\.ts:14:13\)/);
  });

  it('an event listener emitted from a timer blocks the loop; emitted by startup code, it is startup code', async () => {
    const report = await runSnippet(`
import { EventEmitter } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
writeFileSync('settings.json', '{"level":"info"}');
const bus = new EventEmitter();
bus.on('reload', () => {
  console.log(readFileSync('settings.json', 'utf8'));
});
bus.emit('reload');
setTimeout(() => bus.emit('reload'), 1);
`);
    expect(report.blockingCalls.map((call) => `${call.api} ${call.context}`)).toEqual(['fs.writeFileSync sync', 'fs.readFileSync sync', 'fs.readFileSync callback']);
    expect(report.blockingCalls[2]?.stack).toMatch(/at EventEmitter\.<anonymous> \(snippet\.ts:7:27\)\n\s+at Timeout\._onTimeout \(snippet\.ts:10:22\)/);
    expect(hazards(report)).toEqual(['blockingCall']);
  });

  it('a synchronous crypto call is done when it returns; an awaited async one too', async () => {
    const report = await runSnippet(`
import { pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
export async function main() {
  const salt = randomBytes(16);
  return (await promisify(pbkdf2)('secret', salt, 1000, 32, 'sha256')).length;
}
`);
    expect(report.result).toBe(32);
    expect(report.leftoverHandles).toEqual([]);
    expect(hazards(report)).toEqual([]);
  });

  it('Atomics.wait in async code', async () => {
    const report = await runSnippet(`
export async function main() {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  return Atomics.wait(cell, 0, 0, 2);
}
`);
    expect(report.result).toBe('timed-out');
    expect(report.blockingCalls.map((call) => `${call.api} ${call.context}`)).toEqual(['Atomics.wait async-function']);
  });

  const wait = (body: string): string => `
import { setTimeout as sleep } from 'node:timers/promises';
export async function pause(ms: number): Promise<void> {
  ${body}
}
export async function main() {
  await pause(15);
  return 'resumed';
}
`;

  it('a busy-wait on the clock in async code, and the event loop never got a turn', async () => {
    const report = await runSnippet(wait('const until = Date.now() + ms;\n  while (Date.now() < until) {}\n  await sleep(0);'));
    expect(hazards(report)).toEqual(['blockingCall']);
    expect(report.blockingCalls).toEqual([{ api: 'busy-wait', context: 'async-function', stack: expect.stringMatching(/at pause \(snippet\.ts:5:15\)\n\s+at main \(snippet\.ts:9:9\)/) as unknown }]);
  });

  it('a busy-wait is one whatever the load: a thread kept off the CPU past the deadline still spins 200 reads', async () => {
    // Atomics.wait stands for the OS descheduling the thread right after the deadline was computed: on the real clock the loop would end at its first test.
    const report = await runSnippet(
      wait('const until = Date.now() + ms;\n  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms + 10);\n  while (Date.now() < until) {}\n  await sleep(0);'),
    );
    expect(report.blockingCalls.map((call) => call.api)).toEqual(['Atomics.wait', 'busy-wait']);
  });

  it('the clock a snippet sees: real at the start of each macrotask, never ahead of real time, never backwards', async () => {
    const report = await runSnippet(`
import { setTimeout as sleep } from 'node:timers/promises';
const readings: number[] = [];
const wallStart = Date.now();
const hrStart = process.hrtime();
const perfStart = performance.now();
for (let i = 0; i < 300; i++) readings.push(performance.now());
await sleep(20);
const [seconds, nanos] = process.hrtime(hrStart);
export const result = {
  monotonic: readings.every((value, index) => index === 0 || value >= (readings[index - 1] ?? 0)),
  afterSleep: Date.now() - wallStart >= 20 && performance.now() - perfStart >= 20 && seconds * 1e3 + nanos / 1e6 >= 20,
  bigint: typeof process.hrtime.bigint(),
};
export function main() {
  return result;
}
`);
    expect(report.result).toEqual({ monotonic: true, afterSleep: true, bigint: 'bigint' });
    expect(report.blockingCalls.map((call) => `${call.api} ${call.context}`)).toEqual(['busy-wait sync']);
  });

  it('sleeping with a timer yields instead', async () => {
    const report = await runSnippet(wait('await sleep(ms);'));
    expect(hazards(report)).toEqual([]);
    expect(report.yielded).toBe(true);
    expect(report.result).toBe('resumed');
  });

  it('a main that never leaves the microtask queue has not yielded', async () => {
    const report = await runSnippet('export async function main() {\n  await Promise.resolve();\n  return 1;\n}\n');
    expect(report.yielded).toBe(false);
    expect(hazards(report)).toEqual([]);
  });
});

describe('order of operations', () => {
  const mocks = { chargeCard: { turns: 2 }, sendReceipt: { turns: 1 } } as const;
  const declarations = `
declare function chargeCard(orderId: string): Promise<void>;
declare function sendReceipt(orderId: string): Promise<void>;
`;

  it('sequential awaits never interleave', async () => {
    const report = await runSnippet(`${declarations}
export async function main() {
  await chargeCard('o-1');
  await sendReceipt('o-1');
}
`, { mocks });
    expect(report.order.map((event) => `${event.kind} ${event.name}`)).toEqual(['start chargeCard', 'end chargeCard', 'start sendReceipt', 'end sendReceipt']);
    expect(interleavings(report.order)).toEqual([]);
  });

  it('a dropped step runs alongside the next one: the receipt goes out before the charge went through', async () => {
    const report = await runSnippet(`${declarations}
export async function main() {
  chargeCard('o-1').catch(console.error);
  await sendReceipt('o-1');
}
`, { mocks });
    expect(report.order.map((event) => `${event.kind} ${event.name}`)).toEqual(['start chargeCard', 'start sendReceipt', 'end sendReceipt', 'end chargeCard']);
    expect(interleavings(report.order)).toEqual([['chargeCard#1', 'sendReceipt#1']]);
    expect(hazards(report)).toEqual(['lateSettlement']);
  });

  it('a mock that rejects', async () => {
    const report = await runSnippet(`${declarations}
export async function main() {
  await chargeCard('o-1');
}
`, { mocks: { ...mocks, chargeCard: { rejects: 'card declined' } } });
    expect(report.error).toMatch(/^Error: card declined/);
    expect(report.order.map((event) => `${event.kind} ${event.name} ${event.text}`)).toEqual(['start chargeCard ', 'end chargeCard rejected']);
  });
});

describe('half-built objects', () => {
  const repository = (create: string, use: string): string => `
import { readFile } from 'node:fs/promises';

export class Settings {
  values: Record<string, string> | undefined;
  ${create}
  async load(): Promise<void> {
    this.values = JSON.parse(await readFile('settings.json', 'utf8')) as Record<string, string>;
  }
}

export async function main() {
  ${use}
}
`;
  const files = { 'settings.json': '{ "theme": "dark" }' };

  it('I/O started from a constructor, and a field read before it was set', async () => {
    const report = await runSnippet(repository('constructor() {\n    void this.load();\n  }', 'return new Settings().values?.theme ?? "unset";'), { files });
    // The load also outlives main: nobody can wait for it.
    expect(hazards(report)).toEqual(['constructorIo', 'lateSettlement']);
    expect(report.result).toBe('unset');
    expect(report.constructorIo).toEqual([
      { api: 'fs.promises.readFile', className: 'Settings', stack: expect.stringMatching(/at Settings\.load \(snippet\.ts:10:44\)\n\s+at new Settings \(snippet\.ts:7:15\)/) as unknown },
    ]);
  });

  it('a static async factory finishes the object before anyone sees it', async () => {
    const report = await runSnippet(
      repository(
        'static async create(): Promise<Settings> {\n    const settings = new Settings();\n    await settings.load();\n    return settings;\n  }',
        'return (await Settings.create()).values?.theme;',
      ),
      { files },
    );
    expect(hazards(report)).toEqual([]);
    expect(report.result).toBe('dark');
  });

  it('a declared operation (mock) called from a constructor counts as I/O too', async () => {
    const report = await runSnippet(`
declare function connect(url: string): Promise<void>;
class Client {
  ready: Promise<void>;
  constructor(url: string) {
    this.ready = connect(url);
  }
}
export async function main() {
  await new Client('db://local').ready;
}
`, { mocks: { connect: {} } });
    expect(report.constructorIo.map((io) => `${io.api} ${io.className}`)).toEqual(['connect Client']);
  });
});

describe('process.exit', () => {
  it('exiting while a write is still pending loses it; the worker is replaced and the next run is clean', async () => {
    const report = await runSnippet(`
import { setTimeout as sleep } from 'node:timers/promises';
async function flushLogs(): Promise<void> {
  await sleep(10);
  console.log('flushed');
}
export async function main() {
  void flushLogs().catch(console.error);
  process.exit(0);
}
`);
    expect(hazards(report)).toEqual(['exitWithPendingWork']);
    expect(report.exit).toEqual({ code: 0, pendingWork: [expect.stringMatching(/^Timeout at flushLogs \(snippet\.ts:4:14\)$/) as unknown] });
    expect(report.order).toEqual([]);
    const next = await runSnippet('export function main() {\n  return process.exitCode ?? 0;\n}\n');
    expect(next.result).toBe(0);
    expect(hazards(next)).toEqual([]);
  });

  it('setting process.exitCode and returning lets the work finish', async () => {
    const report = await runSnippet(`
import { setTimeout as sleep } from 'node:timers/promises';
async function flushLogs(): Promise<void> {
  await sleep(10);
  console.log('flushed');
}
await flushLogs();
process.exitCode = 0;
`);
    expect(hazards(report)).toEqual([]);
    expect(report.exit).toBeNull();
    expect(report.order.map((event) => event.text)).toEqual(['flushed']);
  });
});

describe('the end of the program', () => {
  it('beforeExit runs, as in Node when the loop runs dry: an async listener that rejects is an unhandled rejection', async () => {
    const report = await runSnippet(`
async function flushLogs(): Promise<void> {
  throw new Error('log sink closed');
}
process.once('beforeExit', async () => {
  await flushLogs();
});
console.log('served');
`);
    expect(report.order.map((event) => event.text)).toEqual(['served']);
    expect(hazards(report)).toEqual(['unhandledRejection']);
    expect(report.unhandledRejections[0]?.reason).toMatch(/^Error: log sink closed/);
  });

  it('beforeExit comes again while listeners schedule work, then exit runs; the listeners do not outlive the run', async () => {
    const code = `
let rounds = 0;
process.on('beforeExit', () => {
  rounds += 1;
  if (rounds < 3) setTimeout(() => console.log('round', rounds), 1);
});
process.on('exit', (code) => {
  console.log('exit', code, 'after', rounds);
});
`;
    const report = await runSnippet(code);
    expect(report.order.map((event) => event.text)).toEqual(['round 1', 'round 2', 'exit 0 after 3']);
    const next = await runSnippet("console.log('alone');\n");
    expect(next.order.map((event) => event.text)).toEqual(['alone']);
  });
});

describe('type checking', () => {
  it('reports type errors with their position, and still runs the code', async () => {
    const report = await runSnippet(`
async function count(): Promise<number> {
  return 3;
}
export async function main() {
  const n: number = count();
  return n;
}
`);
    expect(report.typeErrors).toEqual([expect.stringMatching(/^6:9 Type 'Promise<number>' is not assignable to type 'number'\./) as unknown]);
    // It ran all the same: `return n` handed main the promise, which main adopted.
    expect(report.result).toBe(3);
  });

  it('knows Node and the DOM library, and top-level await', () => {
    expect(typeCheckSnippet("import { readFile } from 'node:fs/promises';\nconst text = await readFile('x', 'utf8');\nconst controller = new AbortController();\nconsole.log(text.length, controller.signal.aborted);\n")).toEqual([]);
  });
});

describe('the worker survives what snippets do', () => {
  it('an endless synchronous loop times out; the next run works', async () => {
    const report = await runSnippet('export function main() {\n  for (;;) {}\n}\n', { timeoutMs: 300 });
    expect(report.timedOut).toBe(true);
    const next = await runSnippet('export function main() {\n  return 7;\n}\n');
    expect(next.result).toBe(7);
    expect(next.timedOut).toBe(false);
  });

  it('a timer that never stops is left over and reported; the next run is clean', async () => {
    const report = await runSnippet('setInterval(() => undefined, 5);\n', { timeoutMs: 200 });
    expect(report.leftoverHandles).toEqual([expect.stringMatching(/^Timeout at .*snippet\.ts:1:1/) as unknown]);
    const next = await runSnippet('export function main() {\n  return 8;\n}\n');
    expect(next.result).toBe(8);
    expect(next.leftoverHandles).toEqual([]);
  });

  it('a promise nothing can settle is reported without waiting for the timeout', async () => {
    const report = await runSnippet('export async function main() {\n  await new Promise<void>(() => undefined);\n}\n', { timeoutMs: 20_000 });
    expect(report.timedOut).toBe(false);
    expect(report.error).toMatch(/never settled/);
    expect(report.durationMs).toBeLessThan(20_000);
  });

  it('an error thrown from a timer callback is an uncaught exception', async () => {
    const report = await runSnippet("setTimeout(() => {\n  throw new Error('tick failed');\n}, 1);\n");
    expect(report.uncaughtExceptions).toEqual([expect.stringMatching(/^Error: tick failed\n\s+at Timeout\._onTimeout \(snippet\.ts:2:9\)/) as unknown]);
  });

  it('syntax errors and packages that are not builtins are errors, not crashes', async () => {
    const syntax = await runSnippet('export function main() {\n  return 1 +;\n}\n');
    expect(syntax.typeErrors).toEqual([expect.stringMatching(/^2:13 Expression expected/) as unknown]);
    const imported = await runSnippet("import express from 'express';\nconsole.log(express);\n", { typeCheck: false });
    expect(imported.error).toMatch(/Node\.js builtins only, not 'express'/);
  });

  it('relative paths land in a scratch directory, never in the repository', async () => {
    const report = await runSnippet(`
import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
writeFileSync('shim-probe-sync.txt', 'x');
await writeFile('shim-probe-async.txt', 'y');
export function main() {
  return path.resolve('shim-probe-sync.txt');
}
`);
    expect(report.error).toBeNull();
    expect(String(report.result)).toMatch(/async-pitfalls-[^/]+[\\/]shim-probe-sync\.txt$/);
    expect(existsSync(String(report.result))).toBe(false);
    expect(existsSync(path.resolve('shim-probe-sync.txt'))).toBe(false);
    expect(existsSync(path.resolve('shim-probe-async.txt'))).toBe(false);
  });
});
