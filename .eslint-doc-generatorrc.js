// eslint-doc-generator reads the BUILT plugin (package.json `exports` -> dist/index.js):
// `npm run docs` builds first; `npm run docs:check` expects a fresh build (CI builds first).
// It regenerates the header of each docs/rules/*.md page (down to its
// `<!-- end auto-generated rule header -->` marker), the options table between the
// `rule options list` markers, and the configs and rules tables in README.md.

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  // One emoji per config, spelled out so that the legend never depends on the generator's defaults.
  configEmoji: [
    ['recommended', '✅'],
    ['recommended-type-checked', '☑️'],
    ['strict', '🔒'],
    ['strict-type-checked', '🔐'],
    ['all', '🌐'],
  ],
  ruleDocTitleFormat: 'desc-parens-prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'configsOff', 'fixable', 'hasSuggestions', 'options', 'requiresTypeChecking', 'deprecated'],
  ruleDocNotices: ['deprecated', 'configs', 'fixableAndHasSuggestions', 'options', 'requiresTypeChecking'],
  // The sections every page has (STYLE.md); tests/docs.test.ts also checks their order.
  ruleDocSectionInclude: ['Rule Details', 'Why It Matters', 'Examples', 'Type Information', 'When Not To Use It', 'Related Rules', 'Further Reading'],
  urlConfigs: 'https://github.com/async-pitfalls/eslint-plugin-async-pitfalls#configs',
};

export default config;
