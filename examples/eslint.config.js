// How a user of the plugin would configure it for this app. `npm run demo` does the
// same through the ESLint Node API, so the demo works without this file.
//
// Run it with `npx eslint` from this folder, after `npm run build` in the repository.
// For full precision through the TypeScript checker, replace `recommended` with
// `recommended-type-checked` and add `tsconfigRootDir: import.meta.dirname` to
// `languageOptions.parserOptions` (this folder has its own tsconfig.json).
import tsParser from '@typescript-eslint/parser';
import asyncPitfalls from 'eslint-plugin-async-pitfalls';

export default [
  {
    files: ['**/*.ts'],
    ...asyncPitfalls.configs.recommended,
    languageOptions: { parser: tsParser },
  },
];
