#!/usr/bin/env node
/**
 * How long do our `recommended` rules take (no type information) under each host,
 * on the same files? Prints a table for the README's "Hosts" section.
 *
 *   node tests/hosts/measure-speed.mjs [folder] [--reps 3]
 *
 * folder defaults to examples/src (small: it mostly shows start-up cost); the
 * README's numbers come from bench/corpora/mongodb-7.8.0/src (bench/setup-corpora.mjs
 * sets that corpus up). The folder is copied to a temporary one first. Hosts, each a fresh process of its real command
 * (start-up included, as a user or CI pays it), runs interleaved so that machine
 * noise hits all alike, median of --reps:
 *   eslint       `eslint --config <recommended>` (ESLint 10, one thread)
 *   eslint -j2   the same with `--concurrency 2`
 *   oxlint       `oxlint` with the built plugin in `jsPlugins`, only our rules
 * Wall and CPU time (user + system, all threads) are both shown. It also counts
 * each host's findings of our rules: they must be the same.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const reps = repsAt >= 0 ? Number(args[repsAt + 1]) : 3;
const folder = path.resolve(args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--reps') ?? path.join(root, 'examples', 'src'));
const resolve = createRequire(import.meta.url).resolve;

const { default: plugin } = await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href);
const scratch = mkdtempSync(path.join(tmpdir(), 'async-pitfalls-speed-'));
// A copy outside this repository: every host sees the same files, whatever .gitignore says
// (bench/corpora is git-ignored, and oxlint's walker skips it even with --no-ignore).
const files = path.join(scratch, 'files');
cpSync(folder, files, { recursive: true, filter: (source) => !source.split(path.sep).includes('node_modules') });
const eslintConfig = path.join(scratch, 'eslint.config.mjs');
writeFileSync(
  eslintConfig,
  `import tsParser from ${JSON.stringify(pathToFileURL(resolve('@typescript-eslint/parser')).href)};
import asyncPitfalls from ${JSON.stringify(pathToFileURL(path.join(root, 'dist', 'index.js')).href)};
export default [{ ...asyncPitfalls.configs.recommended, files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { parser: tsParser } }];
`,
);
const oxlintConfig = path.join(scratch, '.oxlintrc.json');
writeFileSync(oxlintConfig, JSON.stringify({ jsPlugins: [path.join(root, 'dist', 'index.js')], categories: { correctness: 'off' }, rules: plugin.configs.recommended.rules }));

const eslintBin = path.join(path.dirname(resolve('eslint/package.json')), 'bin', 'eslint.js');
const oxlintBin = path.join(path.dirname(resolve('oxlint/package.json')), 'bin', 'oxlint');
const hosts = {
  eslint: [eslintBin, '--config', eslintConfig, '--format', 'json', '--no-warn-ignored', '.'],
  'eslint -j2': [eslintBin, '--config', eslintConfig, '--format', 'json', '--no-warn-ignored', '--concurrency', '2', '.'],
  oxlint: [oxlintBin, '--config', oxlintConfig, '--format', 'json', '.'],
};

const times = Object.fromEntries(Object.keys(hosts).map((name) => [name, []]));
const cpu = Object.fromEntries(Object.keys(hosts).map((name) => [name, []]));
const findings = {};
const ours = (id) => id.startsWith(`${plugin.meta.namespace}/`) || id.startsWith(`${plugin.meta.namespace}(`);
for (let rep = 0; rep < reps; rep += 1) {
  for (const [name, argv] of Object.entries(hosts)) {
    const started = process.hrtime.bigint();
    // /usr/bin/time adds the CPU time of the process and its threads and workers: steadier than wall time on a busy machine.
    const result = spawnSync('/usr/bin/time', ['-f', '\n%U %S', process.execPath, ...argv], { cwd: files, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times[name].push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${name} exited ${String(result.status)}: ${result.stderr}`);
    const [user, system] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    cpu[name].push((user + system) * 1000);
    const output = JSON.parse(result.stdout);
    // Only our rules: ESLint also reports `eslint-disable` comments that name rules it has not loaded.
    findings[name] =
      name === 'oxlint' ? output.diagnostics.filter((diagnostic) => ours(diagnostic.code)).length : output.reduce((sum, file) => sum + file.messages.filter((message) => ours(message.ruleId ?? '')).length, 0);
  }
}
rmSync(scratch, { recursive: true, force: true });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const base = median(times.eslint);
console.log(`${path.relative(root, folder) || '.'}: median of ${String(reps)} runs, start-up included`);
const baseCpu = median(cpu.eslint);
console.log('host        wall ms   vs eslint    CPU ms   vs eslint   findings');
for (const name of Object.keys(hosts)) {
  const ms = median(times[name]);
  const cpuMs = median(cpu[name]);
  console.log(
    `${name.padEnd(10)}  ${ms.toFixed(0).padStart(7)}   ${(base / ms).toFixed(2).padStart(8)}x   ${cpuMs.toFixed(0).padStart(7)}   ${(baseCpu / cpuMs).toFixed(2).padStart(8)}x   ${String(findings[name]).padStart(8)}`,
  );
}
