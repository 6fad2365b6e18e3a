/**
 * The one place where each rule declares what its ❌ docs examples do at run
 * time, and the verdicts tests/docs.test.ts draws from the shim's reports.
 *
 * Every rule is listed (tests/docs.test.ts fails for one that is not, and
 * tests/lib/runtime/hazards.test.ts holds the map to the registry).
 * tests/docs.test.ts fails when a ❌ example shows none of the listed hazards
 * (the page would be lying), when the fix or first suggestion leaves one of
 * them or does not type-check, and when a ✅ example shows any hazard at all.
 */
import { hazardsIn, summarize, type HazardKind, type HazardReport } from './report.js';

export const ruleHazards: Readonly<Record<string, readonly HazardKind[]>> = {
  // The test ends before its assertion runs or settles (it passes without it), or it takes `done` and returns a promise (the runner fails it for that).
  'await-async-assertion': ['lateAssertion', 'overspecifiedTest'],
  // Another call updated the state while this one waited, and this one's write overwrote it: the example's own assertion about the result fails.
  'no-await-race': ['assertionFailed'],
  // A sync fs/child_process/zlib/crypto call or a clock-spinning loop runs while async code is running.
  'no-blocking-in-async': ['blockingCall'],
  // A step that does not wait: the promise it started, or the step that ran too early, rejects with no handler.
  'no-broken-promise-chain': ['unhandledRejection', 'lateSettlement'],
  // process.exit() ends the process with the program's timers and I/O still pending: that work is lost.
  'no-exit-with-pending-work': ['exitWithPendingWork'],
  // A dropped promise rejects with no handler, or keeps running after the function that started it returned.
  'no-floating-promise': ['unhandledRejection', 'lateSettlement'],
  // `new` starts I/O it cannot wait for (the object is used half-built), or work whose rejection reaches no caller.
  'no-io-in-constructor': ['constructorIo', 'unhandledRejection'],
  // The promise the callback returns is ignored: its rejection is unhandled, or the caller reads the promise as the value (a wrong result).
  'no-misused-async-callback': ['unhandledRejection', 'assertionFailed'],
  // A caller that handles failures with `.catch` gets a synchronous throw, or calls `.then` on the plain value: the error escapes, uncaught.
  'no-mixed-sync-async-return': ['uncaughtException'],
  // An error inside the executor, or the work that runs after it settled, rejects with no handler.
  'no-promise-constructor-misuse': ['unhandledRejection'],
  // The value is used before it exists: the promise is left behind, settling after the code that needed it finished.
  'no-unawaited-value': ['lateSettlement', 'unhandledRejection'],
  // One operation per item, all at once: far more timers and I/O requests in flight together than any pool would allow.
  'no-unbounded-concurrency': ['unboundedConcurrency'],
  // A request with no signal and no timeout, to a server that never answers: nothing on the client can end it.
  'require-abort-signal': ['uncancellableRequest'],
};

/** The hazards a rule's ❌ examples exhibit; undefined for a rule missing from the map (the docs test fails for it). */
export function declaredHazards(rule: string): readonly HazardKind[] | undefined {
  return Object.prototype.hasOwnProperty.call(ruleHazards, rule) ? ruleHazards[rule] : undefined;
}

/**
 * What is wrong with a ❌ example: it must show at least one declared hazard;
 * its fixed version (null when the rule offers no fix or suggestion) must
 * type-check, finish, and show none of them. Returns [] when all holds.
 */
export function judgeIncorrect(declared: readonly HazardKind[], before: HazardReport, after: HazardReport | null): string[] {
  const problems: string[] = [];
  const shown = hazardsIn(before);
  if (!declared.some((kind) => shown.has(kind))) {
    problems.push(`the ❌ example shows none of ${declared.join(', ')} when run:\n${indent(summarize(before))}`);
  }
  if (after) {
    if (after.typeErrors.length > 0) problems.push(`the fixed code does not type-check:\n${indent(after.typeErrors.join('\n'))}`);
    if (after.timedOut) problems.push('the fixed code did not finish in time');
    const left = declared.filter((kind) => hazardsIn(after).has(kind));
    if (left.length > 0) problems.push(`the fix leaves ${left.join(', ')}:\n${indent(summarize(after))}`);
  }
  return problems;
}

/** What is wrong with a ✅ example: it must type-check, finish, leave nothing running and show no hazard of any kind. */
export function judgeCorrect(report: HazardReport): string[] {
  const problems: string[] = [];
  if (report.typeErrors.length > 0) problems.push(`the ✅ example does not type-check:\n${indent(report.typeErrors.join('\n'))}`);
  if (report.timedOut) problems.push('the ✅ example did not finish in time');
  if (report.leftoverHandles.length > 0) problems.push(`the ✅ example leaves work running: ${report.leftoverHandles.join(', ')}`);
  const failing = report.tests.filter((test) => test.outcome === 'failed' || test.outcome === 'unfinished');
  if (failing.length > 0) problems.push(`the ✅ example has tests that do not pass:\n${indent(failing.map((test) => `${test.name}: ${test.outcome}${test.error === null ? '' : ` (${test.error.split('\n')[0] ?? ''})`}`).join('\n'))}`);
  const shown = [...hazardsIn(report)];
  if (shown.length > 0) problems.push(`the ✅ example shows ${shown.join(', ')} when run:\n${indent(summarize(report))}`);
  return problems;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
