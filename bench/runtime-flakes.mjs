#!/usr/bin/env node
/**
 * Are the runtime shim's verdicts deterministic under load? Busy-loop workers
 * keep every core saturated while hazard and no-hazard snippets run again and
 * again; any verdict that differs from the expected one is a flake.
 *
 *   npm run build && node bench/runtime-flakes.mjs [--rounds 20] [--burners 2]
 *
 * The snippets: every example of the rules listed in lib/runtime/hazards.ts
 * (a ❌ block must show one of its rule's hazards, a ✅ block none), and a fixed
 * set below with the exact hazards each must show, chosen for the verdicts that
 * would be timing-sensitive if the shim timed things: work settling a turn after
 * main, a race's loser, busy-waits, interleaved mocks, leftovers, timeouts.
 *
 * The shim under test: the built dist/lib/runtime (`npm run build` first).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist', 'lib', 'runtime');
if (!existsSync(path.join(dist, 'index.js'))) {
  console.error('bench/runtime-flakes.mjs: dist/lib/runtime is missing; run `npm run build` first.');
  process.exit(1);
}
const { runSnippet, closeRuntime, hazardsIn, interleavings } = await import(pathToFileURL(path.join(dist, 'index.js')).href);
const { ruleHazards } = await import(pathToFileURL(path.join(dist, 'hazards.js')).href);

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const rounds = option('rounds', 20);
const burners = option('burners', availableParallelism());

// ---- the snippets ----

const sleep = "import { setTimeout as sleep } from 'node:timers/promises';\n";
const fixed = [
  {
    name: 'dropped flush settles after main',
    code: `${sleep}async function flush(q: string[]) {\n  await sleep(2);\n  q.length = 0;\n}\nexport async function main() {\n  const q = ['a'];\n  void flush(q).catch(() => undefined);\n  return q.length;\n}\n`,
    expect: ['lateSettlement'],
    result: 1,
  },
  {
    name: 'awaited flush',
    code: `${sleep}async function flush(q: string[]) {\n  await sleep(2);\n  q.length = 0;\n}\nexport async function main() {\n  const q = ['a'];\n  await flush(q);\n  return q.length;\n}\n`,
    expect: [],
    result: 0,
  },
  {
    name: 'same-turn microtask work is not late',
    code: 'async function audit() {\n  await Promise.resolve();\n}\nexport async function main() {\n  void audit().catch(() => undefined);\n  return 1;\n}\n',
    expect: [],
    result: 1,
  },
  {
    // Raced against a value already there: two timers a few ms apart would race on a loaded machine.
    name: 'race loser',
    code: `${sleep}export async function main() {\n  return Promise.race([sleep(3).then(() => 'slow'), Promise.resolve('fast')]);\n}\n`,
    expect: ['lateSettlement'],
    result: 'fast',
  },
  {
    name: 'floating rejection',
    code: "async function save(): Promise<void> {\n  throw new Error('no');\n}\nexport async function main() {\n  save();\n}\n",
    expect: ['unhandledRejection'],
  },
  {
    name: 'rejection handled a timer later',
    code: `${sleep}const p = Promise.reject(new Error('late'));\nawait sleep(1);\nawait p.catch(() => undefined);\n`,
    expect: ['unhandledRejection'],
  },
  {
    name: 'busy-wait 5 ms in async code',
    code: 'export async function main() {\n  const end = Date.now() + 5;\n  while (Date.now() < end) {}\n  return 1;\n}\n',
    expect: ['blockingCall'],
    result: 1,
  },
  {
    name: 'sleep instead of busy-wait',
    code: `${sleep}export async function main() {\n  await sleep(5);\n  return 1;\n}\n`,
    expect: [],
    result: 1,
    yielded: true,
  },
  {
    name: 'readFileSync in async code',
    code: "import { readFileSync } from 'node:fs';\nexport async function main() {\n  return readFileSync('a.txt', 'utf8');\n}\n",
    files: { 'a.txt': 'x' },
    expect: ['blockingCall'],
    result: 'x',
  },
  {
    name: 'readFileSync at the top level',
    code: "import { readFileSync } from 'node:fs';\nconst text = readFileSync('a.txt', 'utf8');\nexport function main() {\n  return text;\n}\n",
    files: { 'a.txt': 'x' },
    expect: [],
    result: 'x',
  },
  {
    name: 'I/O from a constructor',
    // Waits for the read itself: a fixed sleep would race with it on a loaded machine.
    code: "import { readFile } from 'node:fs/promises';\nclass C {\n  data = '';\n  ready: Promise<void>;\n  constructor() {\n    this.ready = readFile('a.txt', 'utf8').then((d) => {\n      this.data = d;\n    });\n  }\n}\nexport async function main() {\n  const c = new C();\n  await c.ready;\n  return c.data;\n}\n",
    files: { 'a.txt': 'x' },
    expect: ['constructorIo'],
    result: 'x',
  },
  {
    name: 'interleaved mocks keep their order',
    code: 'declare function a(): Promise<void>;\ndeclare function b(): Promise<void>;\nexport async function main() {\n  const first = a();\n  await b();\n  await first;\n}\n',
    mocks: { a: { turns: 3 }, b: { turns: 1 } },
    expect: [],
    order: 'start a,start b,end b,end a',
  },
  {
    name: 'exit with a pending timer',
    code: `${sleep}export async function main() {\n  void sleep(50).catch(() => undefined);\n  process.exit(0);\n}\n`,
    expect: ['exitWithPendingWork'],
  },
  {
    // Two timers a few ms apart: whichever fires last, one deposit is lost, so the assertion fails either way.
    name: 'lost update fails its assertion',
    code: `import assert from 'node:assert/strict';\n${sleep}let balance = 0;\nasync function deposit(amount: number, ms: number) {\n  balance += await sleep(ms, amount);\n}\nawait Promise.all([deposit(50, 4), deposit(30, 2)]);\nassert.equal(balance, 80);\n`,
    expect: ['assertionFailed'],
  },
  {
    name: 'no lost update',
    code: `import assert from 'node:assert/strict';\n${sleep}let balance = 0;\nasync function deposit(amount: number, ms: number) {\n  const cleared = await sleep(ms, amount);\n  balance += cleared;\n}\nawait Promise.all([deposit(50, 4), deposit(30, 2)]);\nassert.equal(balance, 80);\n`,
    expect: [],
  },
  {
    name: 'assertion after its sync test ended',
    code: `import { test } from 'node:test';\nimport assert from 'node:assert/strict';\n${sleep}test('saves', () => {\n  void sleep(1).then(() => {\n    assert.ok(true);\n  });\n});\n`,
    expect: ['lateAssertion'],
  },
  {
    // Settles a few microtasks after the test returned: late by count, not by time.
    name: 'assert.rejects not awaited',
    code: "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\ntest('rejects', () => {\n  void assert.rejects(Promise.reject(new RangeError('no')), RangeError);\n});\n",
    expect: ['lateAssertion'],
  },
  {
    name: 'assert.rejects awaited',
    code: "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\ntest('rejects', async () => {\n  await assert.rejects(Promise.reject(new RangeError('no')), RangeError);\n});\n",
    expect: [],
  },
  {
    name: 'async test that takes done',
    code: "import { test } from 'node:test';\ntest('loads', async (t, done) => {\n  await Promise.resolve();\n  done();\n});\n",
    expect: ['overspecifiedTest'],
  },
  {
    name: 'sync throw from a timer callback',
    code: "function load(id: string) {\n  if (!id) throw new TypeError('id is required');\n  return Promise.resolve(id);\n}\nsetTimeout(() => {\n  load('').catch(() => undefined);\n}, 1);\n",
    expect: ['uncaughtException'],
  },
  {
    name: 'main waits on an executor that never settles',
    code: "export async function main() {\n  return new Promise<number>((resolve) => {\n    if (Math.random() > 2) resolve(1);\n  });\n}\n",
    expect: ['neverSettled'],
  },
  {
    name: '300 operations at once',
    code: `${sleep}export async function main() {\n  return (await Promise.all(Array.from({ length: 300 }, (_, i) => sleep(2, i)))).length;\n}\n`,
    expect: ['unboundedConcurrency'],
    result: 300,
  },
  {
    name: 'a pool of 5 over 300',
    code: `${sleep}export async function main() {\n  const queue = Array.from({ length: 300 }, (_, i) => i);\n  let done = 0;\n  await Promise.all(Array.from({ length: 5 }, async () => {\n    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {\n      await sleep(1);\n      done++;\n    }\n  }));\n  return done;\n}\n`,
    expect: [],
    result: 300,
  },
  {
    // The server never answers; it drops the connection after 30 ms. No signal: uncancellable whatever the timing.
    name: 'fetch without a signal to a silent server',
    code: "import { createServer } from 'node:http';\nimport type { AddressInfo } from 'node:net';\nconst server = createServer(() => {});\nawait new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));\nconst { port } = server.address() as AddressInfo;\nsetTimeout(() => {\n  server.closeAllConnections();\n  server.close();\n}, 30);\nawait fetch(`http://127.0.0.1:${String(port)}/`).catch(() => undefined);\n",
    expect: ['uncancellableRequest'],
  },
  {
    // With a signal it is cancellable whichever ends it first, the timeout or the server.
    name: 'fetch with a timeout to a silent server',
    code: "import { createServer } from 'node:http';\nimport type { AddressInfo } from 'node:net';\nconst server = createServer(() => {});\nawait new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));\nconst { port } = server.address() as AddressInfo;\nawait fetch(`http://127.0.0.1:${String(port)}/`, { signal: AbortSignal.timeout(10) }).catch(() => undefined);\nserver.closeAllConnections();\nserver.close();\n",
    expect: [],
  },
];

/** Code blocks under `## Examples` of a rule page, with their kind. */
function examples(markdown) {
  const found = [];
  let inExamples = false;
  let kind = null;
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.startsWith('## ')) {
      inExamples = line.trim() === '## Examples';
      kind = null;
    } else if (inExamples && /^####\s+❌/.test(line)) kind = 'incorrect';
    else if (inExamples && /^####\s+✅/.test(line)) kind = 'correct';
    else if (inExamples && kind && /^```tsx?\s*$/.test(line)) {
      const end = lines.findIndex((candidate, at) => at > index && /^```\s*$/.test(candidate));
      found.push({ kind, line: index + 1, code: `${lines.slice(index + 1, end).join('\n')}\n` });
      index = end;
    }
  }
  return found;
}

const docs = [];
for (const file of readdirSync(path.join(root, 'docs', 'rules')).sort()) {
  const rule = file.replace(/\.md$/, '');
  const declared = ruleHazards[rule];
  if (!declared) continue;
  for (const example of examples(readFileSync(path.join(root, 'docs', 'rules', file), 'utf8'))) {
    docs.push({ name: `${rule}.md:${String(example.line)} ${example.kind === 'incorrect' ? '❌' : '✅'}`, code: example.code, declared, kind: example.kind });
  }
}

function verdict(snippet, report) {
  const shown = [...hazardsIn(report)].sort();
  if (snippet.declared) {
    if (snippet.kind === 'incorrect') return snippet.declared.some((kind) => shown.includes(kind)) ? null : `shows ${shown.join(',') || 'nothing'}`;
    return shown.length === 0 && !report.timedOut ? null : `shows ${shown.join(',')}${report.timedOut ? ' (timed out)' : ''}`;
  }
  const problems = [];
  if (shown.join(',') !== [...snippet.expect].sort().join(',')) problems.push(`shows [${shown.join(',')}]`);
  if ('result' in snippet && report.result !== snippet.result) problems.push(`result ${JSON.stringify(report.result)}`);
  if (snippet.yielded !== undefined && report.yielded !== snippet.yielded) problems.push(`yielded ${String(report.yielded)}`);
  if (snippet.order !== undefined) {
    const order = report.order.filter((event) => event.kind !== 'log').map((event) => `${event.kind} ${event.name}`).join(',');
    if (order !== snippet.order) problems.push(`order ${order}`);
    if (interleavings(report.order).length !== 1) problems.push('interleavings');
  }
  if (report.timedOut) problems.push('timed out');
  return problems.length === 0 ? null : problems.join('; ');
}

// ---- load, run, count ----

const burnerCode = `
const { parentPort } = require('node:worker_threads');
let stop = false;
parentPort.on('message', () => { stop = true; });
const spin = () => { const end = Date.now() + 50; while (Date.now() < end) {} if (!stop) setImmediate(spin); else process.exit(0); };
spin();
`;
const workers = Array.from({ length: burners }, () => new Worker(burnerCode, { eval: true }));

const snippets = [...fixed, ...docs];
const wrong = new Map();
let runs = 0;
const durations = [];
const started = performance.now();
for (let round = 1; round <= rounds; round++) {
  let roundWrong = 0;
  for (const snippet of snippets) {
    const report = await runSnippet(snippet.code, { mocks: snippet.mocks, files: snippet.files, typeCheck: round === 1 });
    runs++;
    durations.push(report.durationMs);
    const problem = verdict(snippet, report);
    if (problem !== null) {
      roundWrong++;
      const list = wrong.get(snippet.name) ?? [];
      list.push(`round ${String(round)}: ${problem}`);
      wrong.set(snippet.name, list);
    }
    if (round === 1 && report.typeErrors.length > 0 && snippet.kind !== 'incorrect') console.log(`  type errors in ${snippet.name}: ${report.typeErrors.join('; ')}`);
  }
  console.log(`round ${String(round).padStart(2)}: ${String(snippets.length)} snippets, ${String(roundWrong)} wrong verdicts`);
}
for (const worker of workers) worker.postMessage('stop');
await closeRuntime();

durations.sort((a, b) => a - b);
const total = [...wrong.values()].reduce((sum, list) => sum + list.length, 0);
console.log(
  `\n${String(runs)} runs (${String(fixed.length)} fixed snippets + ${String(docs.length)} docs examples, ${String(rounds)} rounds, ${String(burners)} busy workers): ${String(total)} wrong verdicts`,
);
console.log(`time in the worker per run: median ${durations[Math.floor(durations.length / 2)].toFixed(1)} ms, p95 ${durations[Math.floor(durations.length * 0.95)].toFixed(1)} ms; wall ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const [name, list] of wrong) console.log(`  ${name}:\n    ${list.join('\n    ')}`);
process.exitCode = total === 0 ? 0 : 1;
