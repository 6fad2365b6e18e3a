/**
 * The command line of `async-pitfalls`: what the user asked for, or a usage
 * error that says which argument is wrong. No I/O here.
 */
import { parseArgs } from 'node:util';

export const FORMATS = ['stylish', 'json', 'sarif', 'gitlab'] as const;
export const CONFIGS = ['recommended', 'strict', 'all'] as const;

export type Format = (typeof FORMATS)[number];
export type ConfigName = (typeof CONFIGS)[number];
/** `auto`: type information where a tsconfig.json covers a file; `on`: required; `off`: never. */
export type TypesMode = 'auto' | 'on' | 'off';

export interface CliOptions {
  paths: string[];
  config: ConfigName;
  types: TypesMode;
  format: Format;
  outputFile: string | undefined;
  maxWarnings: number | undefined;
  exitZero: boolean;
  progress: boolean | undefined;
  help: boolean;
  version: boolean;
}

/** A mistake on the command line: exit code 2, the message and a hint to `--help`. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const HELP = `Usage: async-pitfalls [options] [paths...]

Lints JavaScript and TypeScript files for async pitfalls with the plugin's own
config: no eslint.config.js needed. Paths default to the current directory.
Files ignored by .gitignore, node_modules and build output are skipped.

Options:
  --config <name>        recommended (default), strict or all
  --types                require type information (a tsconfig.json must cover the files)
  --no-types             never use type information, even where a tsconfig.json exists
  --format <name>        stylish (default), json, sarif (code scanning) or gitlab
                         (GitLab code quality, Code Climate JSON)
  -o, --output-file <f>  write the report to a file instead of standard output
  --max-warnings <n>     exit 1 when there are more than n warnings
  --exit-zero            exit 0 even when there are findings (2 still means a crash)
  --no-progress          never show the progress line (shown on a terminal after ~2 s)
  -h, --help             show this help
  -v, --version          show the plugin's version

By default type information is switched on for each file that a tsconfig.json
covers (the recommended-type-checked set) and off for the others.

Exit codes: 0 no findings, 1 findings (or too many warnings), 2 usage error or crash.
`;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        types: { type: 'boolean' },
        'no-types': { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        'exit-zero': { type: 'boolean' },
        progress: { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? firstLine(error.message) : String(error));
  }
  const { values, positionals } = parsed;

  const config = values.config ?? 'recommended';
  if (!isOneOf(CONFIGS, config)) throw new UsageError(`--config must be one of ${CONFIGS.join(', ')}; got "${config}".`);

  const format = values.format ?? 'stylish';
  if (!isOneOf(FORMATS, format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${format}".`);

  if (values.types === true && values['no-types'] === true) throw new UsageError('--types and --no-types contradict each other; give one.');
  const types: TypesMode = values.types === true ? 'on' : values['no-types'] === true ? 'off' : 'auto';

  if (values.progress === true && values['no-progress'] === true) throw new UsageError('--progress and --no-progress contradict each other; give one.');
  const progress = values.progress === true ? true : values['no-progress'] === true ? false : undefined;

  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'];
    if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings takes a whole number of 0 or more; got "${raw}".`);
    maxWarnings = Number(raw);
  }

  const outputFile = values['output-file'];
  if (outputFile === '') throw new UsageError('--output-file needs a file name.');

  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    config,
    types,
    format,
    outputFile,
    maxWarnings,
    exitZero: values['exit-zero'] === true,
    progress,
    help: values.help === true,
    version: values.version === true,
  };
}

function isOneOf<T extends string>(choices: readonly T[], value: string): value is T {
  return (choices as readonly string[]).includes(value);
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
