// `npm run demo`: lint the example order service in examples/ with the built plugin's
// `recommended` config through the ESLint Node API, print what it finds and a count per
// rule. Findings are the point of a demo, so they do not fail it; a crash, or a file
// ESLint cannot parse, does.
//
//   npm run demo             recommended: syntax only, no type information
//   npm run demo -- --typed  recommended-type-checked, on examples/tsconfig.json
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = path.join(root, 'examples');
const typed = process.argv.includes('--typed');

const { default: plugin } = await import(new URL('../dist/index.js', import.meta.url).href).catch((error) => {
  throw new Error('dist/index.js could not be loaded: run `npm run build` first (`npm run demo` does).', { cause: error });
});

const configName = typed ? 'recommended-type-checked' : 'recommended';
const preset = plugin.configs[configName];
const eslint = new ESLint({
  cwd: examplesDir,
  overrideConfigFile: true,
  overrideConfig: [
    {
      ...preset,
      files: ['**/*.ts'],
      languageOptions: {
        ...preset.languageOptions,
        parser: tsParser,
        parserOptions: typed ? { projectService: true, tsconfigRootDir: examplesDir } : {},
      },
    },
  ],
});

const results = await eslint.lintFiles(['src/**/*.ts']);
const formatter = await eslint.loadFormatter('stylish');
const report = await formatter.format(results);

console.log(`Linting ${path.relative(root, examplesDir)}/ with ${plugin.meta.name} ${plugin.meta.version}, config \`${configName}\``);
console.log(report || '\nNo findings.\n');

const perRule = new Map();
let fatal = 0;
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal) fatal += 1;
    const key = message.ruleId ?? '(parse error)';
    perRule.set(key, (perRule.get(key) ?? 0) + 1);
  }
}
const ruleNames = Object.keys(plugin.rules).map((name) => `${plugin.meta.namespace}/${name}`);
const enabled = ruleNames.filter((name) => {
  const setting = preset.rules?.[name];
  return setting !== undefined && setting !== 'off' && setting !== 0;
});

console.log(`Summary (${results.length} files, ${enabled.length} rules enabled):`);
for (const name of [...new Set([...enabled, ...perRule.keys()])].sort()) {
  const count = perRule.get(name) ?? 0;
  console.log(`  ${String(count).padStart(4)}  ${name}`);
}

if (fatal > 0) {
  console.error(`\n${fatal} file(s) could not be parsed: the examples are broken, not just buggy.`);
  process.exitCode = 1;
}
