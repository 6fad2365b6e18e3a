/**
 * `eslint --concurrency 2` (ESLint's multithread linting, in ESLint 9.34+ and 10)
 * with the built plugin prints byte-identical JSON to a single-threaded run, for
 * ESLint 9 and ESLint 10, with `recommended` and `recommended-type-checked`.
 *
 * Each run is the real `eslint` command on a copy of examples/ with an
 * eslint.config.js as a user would write it (the plugin imported from dist/).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, ensureBuilt, root } from './built.js';

const resolve = createRequire(import.meta.url).resolve;
const project = mkdtempSync(path.join(tmpdir(), 'async-pitfalls-concurrency-'));

const eslintBins = {
  'ESLint 9': path.join(path.dirname(resolve('eslint9/package.json')), 'bin', 'eslint.js'),
  'ESLint 10': path.join(path.dirname(resolve('eslint/package.json')), 'bin', 'eslint.js'),
};

beforeAll(() => {
  ensureBuilt();
  cpSync(path.join(root, 'examples', 'src'), path.join(project, 'src'), { recursive: true });
  cpSync(path.join(root, 'examples', 'tsconfig.json'), path.join(project, 'tsconfig.json'));
  const plugin = pathToFileURL(path.join(root, 'dist', 'index.js')).href;
  const parser = pathToFileURL(resolve('@typescript-eslint/parser')).href;
  writeFileSync(
    path.join(project, 'recommended.config.js'),
    `import tsParser from ${JSON.stringify(parser)};
import asyncPitfalls from ${JSON.stringify(plugin)};
export default [{ ...asyncPitfalls.configs.recommended, files: ['**/*.ts'], languageOptions: { parser: tsParser } }];
`,
  );
  writeFileSync(
    path.join(project, 'type-checked.config.js'),
    `import asyncPitfalls from ${JSON.stringify(plugin)};
const typed = asyncPitfalls.configs['recommended-type-checked'];
export default [{
  ...typed,
  files: ['**/*.ts'],
  languageOptions: { ...typed.languageOptions, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
}];
`,
  );
  writeFileSync(path.join(project, 'package.json'), '{ "type": "module" }\n');
}, BUILD_TIMEOUT);

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe.each(Object.entries(eslintBins))('%s --concurrency 2', (_host, bin) => {
  it.each(['recommended', 'type-checked'])('prints the same JSON as one thread, with %s', async (config) => {
    const args = [bin, '--config', `${config}.config.js`, '--format', 'json', 'src'];
    const [single, threaded] = await Promise.all([eslint(args), eslint([...args, '--concurrency', '2'])]);
    expect(single.code, single.stderr).toBe(1);
    expect(threaded.code, threaded.stderr).toBe(1);
    const findings = (JSON.parse(single.stdout) as { messages: unknown[] }[]).flatMap((result) => result.messages);
    expect(findings.length).toBeGreaterThan(0);
    expect(threaded.stdout).toBe(single.stdout);
  }, 120_000);
});

function eslint(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd: project, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr });
    });
  });
}
