#!/usr/bin/env node
import { readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

async function main() {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  execSync('npm run build', { stdio: 'inherit' });
  writeFileSync('dist/VERSION', pkg.version);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
