import { ESLintUtils, type JSONSchema } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields our configs and docs are computed from. */
export interface PluginDocs {
  /** The rule is in `recommended` (and `recommended-type-checked`). */
  recommended?: boolean;
  /** The rule is in `strict` but not in `recommended`. */
  strict?: boolean;
  /**
   * Options the `strict` configs and `all` enable the rule with, for checks
   * whose reports are often deliberate code (too debatable for
   * `recommended`, where the rule runs with its `defaultOptions`).
   */
  strictOptions?: readonly Record<string, unknown>[];
  /** Always false: every rule runs without type information and is sharper with it. */
  requiresTypeChecking?: boolean;
}

export const repositoryUrl = 'https://github.com/async-pitfalls/eslint-plugin-async-pitfalls';

const createNamedRule = ESLintUtils.RuleCreator<PluginDocs>(
  (name) => `${repositoryUrl}/blob/main/docs/rules/${name}.md`,
);

/**
 * Our rule factory: typescript-eslint's `RuleCreator` with our docs URL, and
 * option schemas whose errors name the option (see `nameOptionErrors`).
 */
export const createRule: typeof createNamedRule = (rule) =>
  createNamedRule({
    ...rule,
    meta: { ...rule.meta, schema: nameOptionErrors(rule.meta.schema) },
  });

/**
 * ESLint reports a wrongly typed option as `Value "yes" should be boolean.`,
 * without saying which option. For each property of an options object this
 * adds a `dependencies` entry that fails only when that property is invalid,
 * with a "required property" whose name is the explanation:
 * `should have required property 'allowVoid: expected boolean (see the rule's docs)'`.
 * The entries change nothing for valid options.
 */
export function nameOptionErrors<T extends JSONSchema.JSONSchema4 | readonly JSONSchema.JSONSchema4[] | undefined>(
  schema: T,
): T {
  if (!Array.isArray(schema)) return schema;
  return schema.map((item: JSONSchema.JSONSchema4) => {
    if (item.type !== 'object' || !item.properties || item.dependencies) return item;
    const dependencies: Record<string, JSONSchema.JSONSchema4> = {};
    for (const [key, property] of Object.entries(item.properties)) {
      dependencies[key] = {
        anyOf: [
          // `patternProperties`, not `properties`: the doc generator lists only the latter.
          { type: 'object', patternProperties: { [`^${escapeRegExp(key)}$`]: property } },
          { type: 'object', required: [`${key}: expected ${describeType(property)} (see the rule's docs)`] },
        ],
      };
    }
    return { ...item, dependencies };
  }) as unknown as T;
}

function describeType(schema: JSONSchema.JSONSchema4): string {
  if (typeof schema.type === 'string') return schema.type === 'array' ? 'an array' : `a ${schema.type}`;
  if (Array.isArray(schema.type)) return schema.type.join(' or ');
  const values = (schema as { enum?: unknown[] }).enum;
  if (values) return `one of ${values.map((value) => JSON.stringify(value)).join(', ')}`;
  return 'a valid value';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
