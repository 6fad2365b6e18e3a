/**
 * The built plugin under oxlint's `jsPlugins` (ESLint-compatible JavaScript
 * plugins; no type information, the rule prefix taken from `meta.name`): our
 * `recommended` rules find exactly what ESLint finds on examples/, at the same
 * places, with the same messages.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, builtEntry, compareFindings, loadBuiltPlugin, root, type BuiltPlugin } from './built.js';

const examples = path.join(root, 'examples');
const oxlintBin = path.join(path.dirname(createRequire(import.meta.url).resolve('oxlint/package.json')), 'bin', 'oxlint');
const scratch = mkdtempSync(path.join(tmpdir(), 'async-pitfalls-oxlint-'));

interface Spot {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
}

interface OxlintDiagnostic {
  message: string;
  code: string;
  filename: string;
  labels: { span: { line: number; column: number } }[];
}

let plugin: BuiltPlugin;
let oxlintConfig: string;

beforeAll(() => {
  plugin = loadBuiltPlugin();
  oxlintConfig = path.join(scratch, '.oxlintrc.json');
  // Only our rules: oxlint's own `correctness` category is on by default.
  writeFileSync(oxlintConfig, JSON.stringify({ jsPlugins: [builtEntry], categories: { correctness: 'off' }, rules: plugin.configs.recommended.rules }, null, 2));
}, BUILD_TIMEOUT);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('oxlint jsPlugins', () => {
  it('gives the same findings as ESLint with `recommended` on examples/', async () => {
    const [fromOxlint, fromESLint] = await Promise.all([oxlint(), eslint()]);
    expect(fromESLint.length).toBeGreaterThan(5);
    expect(fromOxlint).toEqual(fromESLint);
  });
});

async function oxlint(): Promise<Spot[]> {
  const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number }>((done) => {
    execFile(process.execPath, [oxlintBin, '--config', oxlintConfig, '--format', 'json', 'src'], { cwd: examples, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
      done({ stdout: out, stderr: err, code: error ? Number(error.code ?? -1) : 0 });
    });
  });
  expect(code, stderr).toBe(1);
  const { diagnostics } = JSON.parse(stdout) as { diagnostics: OxlintDiagnostic[] };
  return diagnostics
    .map((diagnostic) => {
      const [label] = diagnostic.labels;
      return {
        file: diagnostic.filename.split(path.sep).join('/'),
        line: label?.span.line ?? 0,
        column: label?.span.column ?? 0,
        // oxlint spells `plugin/rule` as `plugin(rule)`.
        ruleId: diagnostic.code.replace(/^(.+)\((.+)\)$/u, '$1/$2'),
        message: diagnostic.message,
      };
    })
    .sort(compareFindings);
}

async function eslint(): Promise<Spot[]> {
  const instance = new ESLint({
    cwd: examples,
    overrideConfigFile: true,
    overrideConfig: [{ ...plugin.configs.recommended, files: ['**/*.ts'], languageOptions: { parser: tsParser } }],
  });
  const spots: Spot[] = [];
  for (const result of await instance.lintFiles(['src'])) {
    for (const message of result.messages) {
      spots.push({
        file: path.relative(examples, result.filePath).split(path.sep).join('/'),
        line: message.line,
        column: message.column,
        ruleId: String(message.ruleId),
        message: message.message,
      });
    }
  }
  return spots.sort(compareFindings);
}
