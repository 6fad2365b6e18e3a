/**
 * The closing summary of `async-pitfalls`: findings per rule (each with the
 * page that explains it), files, time, which config and whether type
 * information was used.
 */
import type { ESLint } from 'eslint';

export interface SummaryInput {
  results: readonly ESLint.LintResult[];
  /** Every rule the run enabled, `async-pitfalls/<name>`. */
  enabledRules: readonly string[];
  docsUrl: (ruleId: string) => string | undefined;
  version: string;
  configName: string;
  /** How many of the linted files had type information. */
  typedFiles: number;
  elapsedMs: number;
  /** Extra lines: why types were off, how .gitignore was read. */
  notes: readonly string[];
}

const PARSE_ERRORS = '(files that did not parse)';

export function formatSummary(input: SummaryInput): string {
  const { results, enabledRules, docsUrl } = input;
  const perRule = new Map<string, number>(enabledRules.map((rule) => [rule, 0]));
  let errors = 0;
  let warnings = 0;
  let filesWithFindings = 0;
  for (const result of results) {
    if (result.messages.length > 0) filesWithFindings += 1;
    for (const message of result.messages) {
      if (message.severity === 2) errors += 1;
      else warnings += 1;
      const key = message.fatal === true || message.ruleId === null ? PARSE_ERRORS : message.ruleId;
      perRule.set(key, (perRule.get(key) ?? 0) + 1);
    }
  }

  const fileCount = results.length;
  const typed =
    input.typedFiles === 0 ? 'no type information' : input.typedFiles === fileCount ? 'type information from tsconfig.json' : `type information for ${String(input.typedFiles)} of ${plural(fileCount, 'file')} (tsconfig.json)`;
  const configLabel = input.typedFiles > 0 && input.configName !== 'all' ? `${input.configName}-type-checked` : input.configName;

  const rows = [...perRule].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b));
  const ruleWidth = Math.max(4, ...rows.map(([rule]) => rule.length));
  const lines = [
    `async-pitfalls ${input.version}: ${plural(fileCount, 'file')} linted in ${seconds(input.elapsedMs)}, config \`${configLabel}\`, ${typed}`,
    '',
    `  ${'findings'.padStart(8)}  ${'rule'.padEnd(ruleWidth)}  docs`,
    ...rows.map(([rule, count]) => {
      const url = count > 0 && rule !== PARSE_ERRORS ? (docsUrl(rule) ?? '') : '';
      return `  ${String(count).padStart(8)}  ${rule.padEnd(ruleWidth)}  ${url}`.trimEnd();
    }),
    '',
    errors + warnings === 0
      ? `  No findings in ${plural(fileCount, 'file')}.`
      : `  ${plural(errors + warnings, 'finding')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${String(filesWithFindings)} of ${plural(fileCount, 'file')}.`,
  ];
  const example = enabledRules[0];
  const exampleUrl = example === undefined ? undefined : docsUrl(example);
  if (example !== undefined && exampleUrl !== undefined) {
    const name = example.slice(example.indexOf('/') + 1);
    lines.push(`  Each rule's page says what goes wrong at run time and how to fix it: ${exampleUrl.replace(name, '<rule>')}`);
  }
  for (const note of input.notes) lines.push(`  ${note}`);
  return `${lines.join('\n')}\n`;
}

function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
