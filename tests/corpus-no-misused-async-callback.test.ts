/**
 * Held-out corpus for `no-misused-async-callback`: realistic async callbacks
 * handed to APIs that drop or misread their promise (every line where a report
 * should start ends with `// expect-misused`), their minimal fixes in
 * `fixed/`, correct look-alikes in `correct-*`, and the sibling modules they
 * import in `shared/`. Lints every file in both modes through
 * tests/corpus-harness.ts and measures recall (reported marker lines / all
 * marker lines) and false positives (reports on unmarked lines, and any report
 * in fixed/, correct-*, shared/). A missed line is a finding about the rule,
 * never a reason to edit the corpus.
 */
import rule from '../rules/no-misused-async-callback.js';
import { describeCorpus } from './corpus-harness.js';

describeCorpus({
  name: 'no-misused-async-callback',
  rule,
  marker: /\/\/\s*expect-misused\b/,
  bars: { typed: 0.95, untyped: 0.9 },
  minBugFiles: 30,
});
