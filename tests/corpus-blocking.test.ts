/**
 * Corpora for `no-blocking-in-async` and `no-io-in-constructor`, laid out like
 * the no-floating-promise one (tests/corpus/README.md): realistic bug files
 * where every line a report should start on ends with `// expect-report`, their
 * minimal fixes in `fixed/`, correct look-alikes in `correct-*`, and sibling
 * modules in `shared/`. Lints every file in both modes through
 * tests/corpus-harness.ts and measures recall (reported marker lines / all
 * marker lines) and false positives (any other report). A missed line is a
 * finding about the rule, never a reason to edit the corpus.
 */
import noBlockingInAsync from '../rules/no-blocking-in-async.js';
import noIoInConstructor from '../rules/no-io-in-constructor.js';
import { describeCorpus } from './corpus-harness.js';

for (const [name, rule] of Object.entries({
  'no-blocking-in-async': noBlockingInAsync,
  'no-io-in-constructor': noIoInConstructor,
})) {
  describeCorpus({ name, rule, marker: /\/\/\s*expect-report\b/, bars: { typed: 0.95, untyped: 0.9 }, minBugFiles: 12 });
}
