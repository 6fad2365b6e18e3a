/**
 * What the host tests share: the BUILT plugin (dist/, loaded through package.json
 * `exports` with Node's resolver, as users get it), rebuilt when a source is newer,
 * and findings reduced to what must match from one host to the next.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ESLint, Linter } from 'eslint';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const builtEntry = path.join(root, 'dist', 'index.js');
export const builtCli = path.join(root, 'dist', 'cli', 'async-pitfalls.js');
export const binPath = path.join(root, 'bin', 'async-pitfalls.js');

/** For a `beforeAll` that may build dist/ (or wait for another test file's build) on a busy machine. */
export const BUILD_TIMEOUT = 240_000;

export interface BuiltPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, { meta: { docs?: { url?: string } }; create: (context: never) => unknown }>;
  configs: Record<'recommended' | 'recommended-type-checked' | 'strict' | 'strict-type-checked' | 'all', Linter.Config>;
}

/** Build dist/ when it is missing or older than a source; one test file at a time builds. */
export function ensureBuilt(): void {
  if (!isBuildStale()) return;
  const lock = path.join(tmpdir(), `async-pitfalls-build-${Buffer.from(root).toString('hex').slice(-16)}.lock`);
  const until = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > until) throw new Error(`another test holds ${lock} for 3 minutes`);
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      execFileSync(process.execPath, ['-e', 'setTimeout(() => {}, 250)']);
    }
  }
  try {
    if (!isBuildStale()) return;
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
    } catch {
      // A type error elsewhere in the tree still emits JavaScript (noEmitOnError is off);
      // whether dist/ is usable is checked below.
    }
    if (!existsSync(builtEntry) || !existsSync(builtCli)) throw new Error('npm run build did not produce dist/index.js and dist/cli/async-pitfalls.js');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The plugin as `require('eslint-plugin-async-pitfalls')` gives it. */
export function loadBuiltPlugin(): BuiltPlugin {
  ensureBuilt();
  const load = createRequire(import.meta.url);
  const resolved = load.resolve('eslint-plugin-async-pitfalls');
  if (resolved !== builtEntry) throw new Error(`eslint-plugin-async-pitfalls resolved to ${resolved}, not ${builtEntry}`);
  return (load('eslint-plugin-async-pitfalls') as { default: BuiltPlugin }).default;
}

/** A finding, host-independent: where, which rule, what it says, and what its suggestions would write. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  ruleId: string | null;
  message: string;
  suggestions: string[];
}

export function findingsOf(results: readonly ESLint.LintResult[], relativeTo: string): Finding[] {
  const found: Finding[] = [];
  for (const result of results) {
    const file = path.relative(relativeTo, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      found.push({
        file,
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
        ruleId: message.ruleId,
        message: message.message,
        suggestions: (message.suggestions ?? []).map((suggestion) => `${suggestion.messageId ?? suggestion.desc} @${suggestion.fix.range.join('-')}: ${suggestion.fix.text}`),
      });
    }
  }
  return found.sort(compareFindings);
}

export function compareFindings(a: Pick<Finding, 'file' | 'line' | 'column' | 'ruleId'>, b: Pick<Finding, 'file' | 'line' | 'column' | 'ruleId'>): number {
  return a.file.localeCompare(b.file, 'en') || a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId), 'en');
}

/** dist/ is missing, or older than a source file it is built from. */
function isBuildStale(): boolean {
  if (!existsSync(builtEntry) || !existsSync(builtCli)) return true;
  const builtAt = Math.min(statSync(builtEntry).mtimeMs, statSync(builtCli).mtimeMs);
  const sources = [path.join(root, 'index.ts'), ...['rules', 'lib', 'cli'].flatMap((dir) => tsFiles(path.join(root, dir)))];
  return sources.some((file) => statSync(file).mtimeMs > builtAt);
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file));
}
