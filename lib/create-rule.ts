import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields our configs and docs are computed from. */
export interface PluginDocs {
  /** The rule is in `recommended` (and `recommended-type-checked`). */
  recommended?: boolean;
  /** The rule is in `strict` but not in `recommended`. */
  strict?: boolean;
  /** Always false: every rule runs without type information and is sharper with it. */
  requiresTypeChecking?: boolean;
}

export const repositoryUrl = 'https://github.com/async-pitfalls/eslint-plugin-async-pitfalls';

export const createRule = ESLintUtils.RuleCreator<PluginDocs>(
  (name) => `${repositoryUrl}/blob/main/docs/rules/${name}.md`,
);
