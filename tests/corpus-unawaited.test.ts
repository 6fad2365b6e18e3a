/**
 * Corpus for `no-unawaited-value`, laid out like the no-floating-promise one
 * (tests/corpus/README.md): realistic "value used before it exists" bugs in
 * tests/corpus/no-unawaited-value/*.ts (every line where a report should start
 * ends with `// expect-unawaited`, or `// expect-unawaited typed-only` where
 * only the checker can know: a parameter typed `unknown`, a generic, a
 * `T | Promise<T>` from another file), their minimal fixes in `fixed/`, tricky
 * correct code in `correct-*`, the modules they import in `shared/`. Lints
 * every file in both modes through tests/corpus-harness.ts; measures recall
 * (reported marker lines / marker lines) and false positives (reports on
 * unmarked lines, and any report in fixed/, correct-*, shared/). A missed line
 * is a finding about the rule, never a reason to edit the corpus.
 */
import rule from '../rules/no-unawaited-value.js';
import { describeCorpus } from './corpus-harness.js';

describeCorpus({
  name: 'no-unawaited-value',
  rule,
  marker: /\/\/\s*expect-unawaited\b.*$/,
  typedOnly: /\/\/\s*expect-unawaited typed-only\b/,
  bars: { typed: 0.95, untyped: 0.9 },
  minBugFiles: 30,
});
