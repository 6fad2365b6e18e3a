/** `swapToAsyncTwin` and `applyEdits` from lib/fixes: the code they leave parses, with `await` bound right. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { parse } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { applyEdits, swapToAsyncTwin } from '../../lib/fixes.js';
import { lintReports } from './probe.js';

type Report = (descriptor: { node: TSESTree.Node; message: string; fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] }) => void;

/** Swaps every call of `readFileSync` for `readFile`, one fixed program per call. */
function swapEach(code: string, awaitIt = true, edits: { range: [number, number]; text: string }[] = []): string[] {
  const messages = lintReports(code, (context) => ({
    'CallExpression[callee.name="readFileSync"]'(call: TSESTree.CallExpression) {
      (context.report as unknown as Report)({
        node: call,
        message: 'swap',
        fix: (fixer) => swapToAsyncTwin(fixer, context.sourceCode, call, 'readFile', edits, awaitIt),
      });
    },
  }));
  return messages.map((message) => {
    const { fix } = message;
    if (!fix) throw new Error('no fix');
    const fixed = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
    parse(fixed, { sourceType: 'module' });
    return fixed;
  });
}

const lines = (code: string): string[] => code.split('\n').filter((line) => line.includes('readFile('));

describe('swapToAsyncTwin', () => {
  it('awaits the twin, with parentheses where a member access, call or ** follows', () => {
    const code = `declare function readFileSync(path: string, encoding?: string): string;
export async function run() {
  const text = readFileSync('a', 'utf8');
  const trimmed = readFileSync('b', 'utf8').trim();
  const size = readFileSync('c')!.length;
  const squared = readFileSync('d').length ** 2;
  const power = Number(readFileSync('e')) ** 2;
  console.log(readFileSync('f'), text, trimmed, size, squared, power);
  return readFileSync('g');
}
`;
    expect(swapEach(code).map((fixed) => lines(fixed).find((line) => line.includes('await')))).toEqual([
      "  const text = await readFile('a', 'utf8');",
      "  const trimmed = (await readFile('b', 'utf8')).trim();",
      "  const size = (await readFile('c'))!.length;",
      "  const squared = (await readFile('d')).length ** 2;",
      "  const power = Number(await readFile('e')) ** 2;",
      "  console.log(await readFile('f'), text, trimmed, size, squared, power);",
      "  return await readFile('g');",
    ]);
  });

  it('keeps existing parentheses, and returns the promise itself from a `.then` callback', () => {
    const code = `declare function readFileSync(path: string): string;
export async function run() {
  const size = (readFileSync('a')).length;
}
export function chain(p: Promise<string>) {
  return p.then((file) => readFileSync(file));
}
`;
    const [first] = swapEach(code);
    expect(first).toContain("const size = (await readFile('a')).length;");
    expect(swapEach(code, false)[1]).toContain('return p.then((file) => readFile(file));');
  });

  it('applies the binding edits with the swap', () => {
    const code = `declare function readFileSync(path: string): string;
export async function run() {
  return readFileSync('a');
}
`;
    const [fixed] = swapEach(code, true, [{ range: [0, 0], text: "import { readFile } from 'node:fs/promises';\n" }]);
    expect(fixed?.startsWith("import { readFile } from 'node:fs/promises';\ndeclare function")).toBe(true);
    expect(fixed).toContain("return await readFile('a');");
  });
});

describe('applyEdits', () => {
  it('joins insertions at one place, in order', () => {
    const code = `export const x = 1;\n`;
    const messages = lintReports(code, (context) => ({
      Program(program: TSESTree.Program) {
        (context.report as unknown as Report)({
          node: program,
          message: 'edits',
          fix: (fixer) =>
            applyEdits(fixer, [
              { range: [0, 0], text: "import { promisify } from 'node:util';\n" },
              { range: [0, 0], text: "import { gzip } from 'node:zlib';\n" },
              { range: [13, 18], text: 'y = 2' },
            ]),
        });
      },
    }));
    const fix = messages[0]?.fix;
    if (!fix) throw new Error('no fix');
    expect(code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1])).toBe(
      "import { promisify } from 'node:util';\nimport { gzip } from 'node:zlib';\nexport const y = 2;\n",
    );
  });
});
