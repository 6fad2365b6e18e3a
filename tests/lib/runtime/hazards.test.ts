/** The verdicts on docs examples, from reports, and the report helpers they use. */
import { describe, expect, it } from 'vitest';
import { declaredHazards, judgeCorrect, judgeIncorrect, ruleHazards } from '../../../lib/runtime/hazards.js';
import { HAZARD_KINDS, hazardsIn, interleavings, MAX_IN_FLIGHT, summarize, type HazardReport, type OrderEvent } from '../../../lib/runtime/report.js';
import { rules } from '../../../rules/index.js';

const clean: HazardReport = {
  unhandledRejections: [],
  lateSettlements: [],
  blockingCalls: [],
  yielded: null,
  order: [],
  constructorIo: [],
  result: undefined,
  error: null,
  typeErrors: [],
  uncaughtExceptions: [],
  leftoverHandles: [],
  exit: null,
  timedOut: false,
  neverSettled: null,
  assertions: [],
  tests: [],
  inFlight: { peak: 3, stack: null },
  requests: [],
  hasMain: false,
  durationMs: 5,
  stallMs: 0,
};
const rejected: HazardReport = {
  ...clean,
  unhandledRejections: [{ reason: 'Error: boom', creationStack: 'Error\n    at save (snippet.ts:2:1)\n    at main (snippet.ts:6:3)', handledLater: false }],
};

describe('hazardsIn', () => {
  it('counts what happened, never how long it took', () => {
    expect([...hazardsIn({ ...clean, durationMs: 90_000, stallMs: 5000 })]).toEqual([]);
    expect([...hazardsIn(rejected)]).toEqual(['unhandledRejection']);
  });

  it('each kind of record maps to its hazard; blocking calls only outside startup code; exit only with pending work', () => {
    const report: HazardReport = {
      ...rejected,
      lateSettlements: [{ creationStack: 'Error', count: 2 }],
      blockingCalls: [{ api: 'fs.readFileSync', context: 'promise-callback', stack: '' }],
      constructorIo: [{ api: 'fs.promises.readFile', className: 'Settings', stack: '' }],
      exit: { code: 0, pendingWork: ['Timeout'] },
      uncaughtExceptions: ['TypeError: x.then is not a function'],
      neverSettled: { entry: 'main()', waitingOn: [] },
      assertions: [
        { api: 'assert.equal', passed: false, message: 'AssertionError: 50 !== 80', test: null, late: false, stack: '' },
        { api: 'assert.rejects', passed: true, message: null, test: 'rejects', late: true, stack: '' },
      ],
      tests: [{ name: 'loads', outcome: 'failed', error: 'Error: passed a callback but also returned a Promise', overspecified: true }],
      inFlight: { peak: MAX_IN_FLIGHT + 1, stack: null },
      requests: [{ api: 'fetch', url: 'http://127.0.0.1/', cancellable: false, outcome: 'error', outlivedAbort: false, stack: '' }],
    };
    expect([...hazardsIn(report)].sort()).toEqual([...HAZARD_KINDS].sort());
    expect([...hazardsIn({ ...clean, blockingCalls: [{ api: 'fs.readFileSync', context: 'sync', stack: '' }], exit: { code: 1, pendingWork: [] } })]).toEqual([]);
    expect([...hazardsIn({ ...clean, blockingCalls: [{ api: 'fs.readFileSync', context: 'callback', stack: '' }] })]).toEqual(['blockingCall']);
  });
});

describe('hazardsIn: results, tests, concurrency and requests', () => {
  const assertion = { api: 'assert.equal', passed: true, message: null, test: null, late: false, stack: '' };
  const request = { api: 'fetch', url: 'http://127.0.0.1/', cancellable: false, outcome: 'response', outlivedAbort: false, stack: '' } as const;

  it('a failed assertion outside a test is the program contradicting itself; inside a test it is the test doing its job', () => {
    expect([...hazardsIn({ ...clean, assertions: [{ ...assertion, passed: false }] })]).toEqual(['assertionFailed']);
    expect([...hazardsIn({ ...clean, assertions: [{ ...assertion, passed: false, test: 'names users' }] })]).toEqual([]);
    expect([...hazardsIn({ ...clean, assertions: [assertion] })]).toEqual([]);
  });

  it('an assertion after its test ended is late whether it passed or not', () => {
    expect([...hazardsIn({ ...clean, assertions: [{ ...assertion, test: 't', late: true }] })]).toEqual(['lateAssertion']);
    expect([...hazardsIn({ ...clean, assertions: [{ ...assertion, test: 't', late: true, passed: false }] })]).toEqual(['lateAssertion']);
  });

  it('a failing test is not a hazard by itself; an overspecified one is', () => {
    expect([...hazardsIn({ ...clean, tests: [{ name: 't', outcome: 'failed', error: 'AssertionError', overspecified: false }] })]).toEqual([]);
    expect([...hazardsIn({ ...clean, tests: [{ name: 't', outcome: 'failed', error: 'Error', overspecified: true }] })]).toEqual(['overspecifiedTest']);
  });

  it('concurrency is unbounded only past the bound', () => {
    expect([...hazardsIn({ ...clean, inFlight: { peak: MAX_IN_FLIGHT, stack: null } })]).toEqual([]);
    expect([...hazardsIn({ ...clean, inFlight: { peak: 500, stack: null } })]).toEqual(['unboundedConcurrency']);
  });

  it('a request without a signal is uncancellable when it did not end with a response', () => {
    expect([...hazardsIn({ ...clean, requests: [request] })]).toEqual([]);
    expect([...hazardsIn({ ...clean, requests: [{ ...request, outcome: 'pending' }] })]).toEqual(['uncancellableRequest']);
    expect([...hazardsIn({ ...clean, requests: [{ ...request, outcome: 'error', cancellable: true }] })]).toEqual([]);
  });

  it('summarize says what each one was', () => {
    const report: HazardReport = {
      ...clean,
      assertions: [{ ...assertion, passed: false, message: 'AssertionError: 1 !== 0', stack: 'Error\n    at snippet.ts:9:8' }],
      inFlight: { peak: 200, stack: 'Error\n    at notify (snippet.ts:4:3)' },
      requests: [{ ...request, outcome: 'error', outlivedAbort: true }],
      neverSettled: { entry: 'main()', waitingOn: ['Error\n    at load (snippet.ts:2:10)'] },
      tests: [{ name: 't', outcome: 'failed', error: 'Error: passed a callback but also returned a Promise', overspecified: true }],
    };
    expect(summarize(report).split('\n')).toEqual([
      'main() never settled; waiting on new Promise at load (snippet.ts:2:10)',
      'assertion failed: assert.equal: AssertionError: 1 !== 0 at snippet.ts:9:8',
      "test 't' failed: Error: passed a callback but also returned a Promise (overspecified)",
      '200 operations in flight at once at notify (snippet.ts:4:3)',
      'fetch http://127.0.0.1/ without a signal ended with error, after an abort that did not reach it',
    ]);
  });
});

describe('summarize', () => {
  it('one line per finding, with the creating frame and its caller', () => {
    expect(summarize(rejected)).toBe('unhandled rejection: Error: boom at save (snippet.ts:2:1) < at main (snippet.ts:6:3)');
    expect(summarize(clean)).toBe('no hazard');
    expect(summarize({ ...clean, timedOut: true, typeErrors: ['1:1 nope'] })).toBe('timed out\ntype error: 1:1 nope');
  });
});

describe('interleavings', () => {
  const event = (seq: number, kind: OrderEvent['kind'], name: string): OrderEvent => ({ seq, kind, name, call: 1, text: '' });

  it('pairs the operations that overlapped', () => {
    expect(interleavings([event(0, 'start', 'a'), event(1, 'start', 'b'), event(2, 'end', 'a'), event(3, 'end', 'b')])).toEqual([['a#1', 'b#1']]);
    expect(interleavings([event(0, 'start', 'a'), event(1, 'end', 'a'), event(2, 'log', 'log'), event(3, 'start', 'b'), event(4, 'end', 'b')])).toEqual([]);
  });
});

describe('declaredHazards', () => {
  it('lists every rule: the docs examples of each are run by the shim', () => {
    expect(Object.keys(ruleHazards).sort()).toEqual(Object.keys(rules).sort());
  });

  it('lists only registered rules', () => {
    for (const rule of Object.keys(ruleHazards)) expect(Object.keys(rules)).toContain(rule);
    expect(declaredHazards('no-floating-promise')).toEqual(['unhandledRejection', 'lateSettlement']);
    expect(declaredHazards('toString')).toBeUndefined();
  });
});

describe('judgeIncorrect', () => {
  const declared = ['unhandledRejection', 'lateSettlement'] as const;

  it('accepts an example that shows a declared hazard and a fix that removes it', () => {
    expect(judgeIncorrect(declared, rejected, { ...clean, error: 'Error: boom' })).toEqual([]);
    expect(judgeIncorrect(declared, rejected, null)).toEqual([]);
  });

  it('an example without its hazard is a lying docs page', () => {
    expect(judgeIncorrect(declared, clean, clean)).toEqual(['the ❌ example shows none of unhandledRejection, lateSettlement when run:\n    no hazard']);
    expect(judgeIncorrect(['blockingCall'], rejected, null)).toHaveLength(1);
  });

  it('a fix that leaves the hazard, does not type-check or does not finish', () => {
    expect(judgeIncorrect(declared, rejected, rejected)[0]).toMatch(/^the fix leaves unhandledRejection:/);
    expect(judgeIncorrect(declared, rejected, { ...clean, typeErrors: ['3:1 bad'] })).toEqual(['the fixed code does not type-check:\n    3:1 bad']);
    expect(judgeIncorrect(declared, rejected, { ...clean, timedOut: true })).toEqual(['the fixed code did not finish in time']);
  });
});

describe('judgeCorrect', () => {
  it('accepts a clean run, even one whose main rejected (the error reached its caller)', () => {
    expect(judgeCorrect({ ...clean, error: 'Error: boom' })).toEqual([]);
  });

  it('rejects any hazard, type error, timeout, leftover work or uncaught exception', () => {
    expect(judgeCorrect(rejected)[0]).toMatch(/^the ✅ example shows unhandledRejection when run:/);
    expect(judgeCorrect({ ...clean, typeErrors: ['1:1 x'] })).toHaveLength(1);
    expect(judgeCorrect({ ...clean, timedOut: true })).toHaveLength(1);
    expect(judgeCorrect({ ...clean, leftoverHandles: ['Timeout'] })).toEqual(['the ✅ example leaves work running: Timeout']);
    expect(judgeCorrect({ ...clean, uncaughtExceptions: ['Error: x'] })).toEqual(['the ✅ example shows uncaughtException when run:\n    uncaught: Error: x']);
    expect(judgeCorrect({ ...clean, tests: [{ name: 'loads', outcome: 'unfinished', error: null, overspecified: false }] })).toEqual([
      'the ✅ example has tests that do not pass:\n    loads: unfinished',
    ]);
  });
});
