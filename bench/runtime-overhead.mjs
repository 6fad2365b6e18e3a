#!/usr/bin/env node
/**
 * What does the async debug mode (`eslint-plugin-async-pitfalls/runtime`) cost?
 * Promise hooks are not free: with creation stacks on, every promise pays for a
 * stack capture. This runs a promise-heavy workload (async functions awaiting
 * each other, `Promise.all` fan-outs, `.then` chains) with and without the
 * hooks, in one process, interleaving the variants rep by rep so that machine
 * noise hits them alike, and prints each variant's median against `off`.
 *
 *   npm run build && node --expose-gc bench/runtime-overhead.mjs [--reps 15] [--size 20000]
 *
 * Workloads:
 *   promises     nothing but promises (async functions awaiting each other, fan-outs, `.then` chains):
 *                the worst case, every microsecond is promise bookkeeping
 *   mixed        each async step also does a little work (JSON round trip of a small record),
 *                closer to application code
 *
 * Variants:
 *   off          no debug mode
 *   on           enableAsyncDebug() as the `--import` entry sets it up (creation stacks, blocking-call wrappers, stall watchdog)
 *   on-in-test   the same inside a test window (beginTest/endTest: the Vitest entry; adds an async_hooks init hook)
 *   no-stacks    enableAsyncDebug({ creationStacks: false })
 *
 * The runtime under test: the built dist/lib/runtime/index.js (`npm run build` first).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promiseHooks } from 'node:v8';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist', 'lib', 'runtime', 'index.js');
if (!existsSync(entry)) {
  console.error('bench/runtime-overhead.mjs: dist/lib/runtime/index.js is missing; run `npm run build` first.');
  process.exit(1);
}
const { enableAsyncDebug } = await import(pathToFileURL(entry).href);

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const reps = option('reps', 15);
const size = option('size', 20_000);

// ---- the workload ----

async function leaf(value) {
  await null;
  return value;
}

async function middle(value) {
  const a = await leaf(value);
  const b = await leaf(a + 1);
  return a + b;
}

async function workload(n) {
  let sum = 0;
  for (let start = 0; start < n; start += 100) {
    const batch = [];
    for (let i = start; i < start + 100; i++) batch.push(middle(i));
    for (const value of await Promise.all(batch)) sum += value;
  }
  let chain = Promise.resolve(0);
  for (let i = 0; i < n / 4; i++) chain = chain.then((value) => value + 1);
  return sum + (await chain);
}

async function handle(record) {
  await null;
  const copy = JSON.parse(JSON.stringify(record));
  copy.total = copy.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  return copy.total;
}

async function mixed(n) {
  const record = { id: 'order-1', customer: 'ada@example.com', items: [{ sku: 'a', price: 3, quantity: 2 }, { sku: 'b', price: 5, quantity: 1 }] };
  let sum = 0;
  for (let start = 0; start < n; start += 100) {
    const batch = [];
    for (let i = start; i < start + 100; i++) batch.push(handle(record));
    for (const value of await Promise.all(batch)) sum += value;
  }
  return sum;
}

const workloads = { promises: workload, mixed };

async function countPromises(run) {
  let count = 0;
  const stop = promiseHooks.onInit(() => {
    count++;
  });
  await run(size);
  stop();
  return count;
}

// ---- the variants ----

const quiet = { onFinding: () => undefined };
const variants = {
  off: { enable: () => null, disable: () => undefined },
  on: { enable: () => enableAsyncDebug(quiet), disable: (debug) => debug.disable() },
  'on-in-test': {
    enable: () => {
      const debug = enableAsyncDebug(quiet);
      debug.beginTest('bench');
      return debug;
    },
    disable: (debug) => {
      debug.endTest();
      debug.disable();
    },
  },
  'no-stacks': { enable: () => enableAsyncDebug({ ...quiet, creationStacks: false }), disable: (debug) => debug.disable() },
};

const times = {};
const promises = {};
for (const [load, run] of Object.entries(workloads)) {
  await run(size); // warm up the JIT
  promises[load] = await countPromises(run);
  times[load] = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
}

for (let rep = 0; rep < reps; rep++) {
  for (const [load, run] of Object.entries(workloads)) {
    for (const [name, variant] of Object.entries(variants)) {
      globalThis.gc?.();
      const debug = variant.enable();
      const started = performance.now();
      await run(size);
      times[load][name].push(performance.now() - started);
      variant.disable(debug);
    }
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
console.log(`${String(reps)} interleaved reps${globalThis.gc ? '' : ' (run with --expose-gc for steadier numbers)'}`);
for (const load of Object.keys(workloads)) {
  const base = median(times[load].off);
  console.log(`\n${load}: ${String(promises[load])} promises per rep`);
  console.log('variant        median ms   min ms   max ms   ratio   per promise');
  for (const [name, values] of Object.entries(times[load])) {
    const m = median(values);
    const perPromise = ((m - base) * 1000) / promises[load];
    console.log(
      `${name.padEnd(13)} ${m.toFixed(1).padStart(9)} ${Math.min(...values).toFixed(1).padStart(8)} ${Math.max(...values).toFixed(1).padStart(8)} ${(m / base).toFixed(2).padStart(6)}x ${name === 'off' ? '' : `${perPromise.toFixed(2).padStart(8)} µs`}`,
    );
  }
}
