#!/usr/bin/env node
// @ts-check
// The `async-pitfalls` command. The command itself is written in TypeScript
// (cli/async-pitfalls.ts) and built into dist/cli/ with the plugin it runs;
// this file only starts it. In a fresh clone of the repository, where dist/ is
// not built yet, it builds it first (once), so that `npm ci && npx
// async-pitfalls examples/` works.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/async-pitfalls.js', import.meta.url);
const buildConfig = new URL('../tsconfig.build.json', import.meta.url);
const tsc = new URL('../node_modules/typescript/bin/tsc', import.meta.url);

if (!existsSync(entry) && existsSync(buildConfig) && existsSync(tsc)) {
  process.stderr.write('async-pitfalls: building the plugin first (dist/ is missing in this clone)...\n');
  spawnSync(process.execPath, [fileURLToPath(tsc), '-p', fileURLToPath(buildConfig)], { stdio: ['ignore', 'ignore', 'inherit'] });
}

if (existsSync(entry)) {
  /** @type {{ run: (argv: readonly string[], io: { cwd: string; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; env: NodeJS.ProcessEnv }) => Promise<number> }} */
  const cli = await import(entry.href);
  process.exitCode = await cli.run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
} else {
  process.stderr.write(
    existsSync(buildConfig)
      ? 'async-pitfalls: the plugin is not built: run `npm ci && npm run build` in the repository.\n'
      : 'async-pitfalls: dist/cli/async-pitfalls.js is missing from the installed package: reinstall eslint-plugin-async-pitfalls.\n',
  );
  process.exitCode = 2;
}
