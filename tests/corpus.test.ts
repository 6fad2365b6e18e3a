/**
 * Held-out corpus for `no-floating-promise`: realistic fire-and-forget bugs
 * (every line where a report should start ends with `// expect-floating`),
 * their minimal fixes in `fixed/`, tricky correct code in `correct-*`, and the
 * sibling modules they import in `shared/`. Lints every file in both modes and
 * measures recall (reported marker lines / all marker lines) and false
 * positives (reports on unmarked lines, and any report in fixed/, correct-*,
 * shared/), through the shared harness in tests/corpus-harness.ts. A missed
 * line is a finding about the rule, never a reason to edit the corpus.
 */
import rule from '../rules/no-floating-promise.js';
import { describeCorpus } from './corpus-harness.js';

describeCorpus({
  name: 'no-floating-promise',
  rule,
  marker: /\/\/\s*expect-floating\b/,
  bars: { typed: 0.95, untyped: 0.8 },
  minBugFiles: 25,
});
