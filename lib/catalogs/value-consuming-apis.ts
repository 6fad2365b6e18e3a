/**
 * Data: functions that use the value of an argument right away — print it,
 * serialize it, convert it, test it — so that handing them a promise hands
 * them the promise object, not the value it will resolve to. Keyed like
 * `promise-apis.ts`: canonical module names of `lib/imports` (globals under
 * `<global>`), dotted export paths (`''` is the module itself, as for a
 * default-exported `assert`).
 */
import { GLOBAL } from '../globals.js';

/** What the API does with the value, which says what a promise turns into. */
export type ConsumerEffect =
  /** Prints it: `Promise { <pending> }`. */
  | 'log'
  /** Serializes it: a promise has no own enumerable properties, so `{}`. */
  | 'serialize'
  /** Converts it to a string: `[object Promise]`. */
  | 'string'
  /** Converts it to a number: `NaN`. */
  | 'number'
  /** Tests its truthiness: always true for a promise. */
  | 'boolean'
  /** Compares it with another value: a promise equals nothing but itself. */
  | 'compare'
  /** Lists its own keys or values: none for a promise. */
  | 'keys'
  /** Copies it with the structured clone algorithm: throws `DataCloneError`. */
  | 'clone'
  /** Copies its own properties (`Object.assign`): none for a promise. */
  | 'copy';

export interface ValueConsumer {
  readonly effect: ConsumerEffect;
  /** Which argument positions the API consumes; all of them when absent. */
  readonly arguments?: readonly number[];
}

const log: ValueConsumer = { effect: 'log' };
const first = (effect: ConsumerEffect): ValueConsumer => ({ effect, arguments: [0] });
const firstTwo = (effect: ConsumerEffect): ValueConsumer => ({ effect, arguments: [0, 1] });

const assertApi: Readonly<Record<string, ValueConsumer>> = {
  '': first('boolean'),
  ok: first('boolean'),
  equal: firstTwo('compare'),
  notEqual: firstTwo('compare'),
  strictEqual: firstTwo('compare'),
  notStrictEqual: firstTwo('compare'),
  deepEqual: firstTwo('compare'),
  notDeepEqual: firstTwo('compare'),
  deepStrictEqual: firstTwo('compare'),
  notDeepStrictEqual: firstTwo('compare'),
};

/** module -> dotted export path -> what it does with its arguments. */
export const valueConsumers: Readonly<Record<string, Readonly<Record<string, ValueConsumer>>>> = {
  [GLOBAL]: {
    'console.log': log,
    'console.info': log,
    'console.warn': log,
    'console.error': log,
    'console.debug': log,
    'console.trace': log,
    'console.dir': first('log'),
    'console.table': first('log'),
    'JSON.stringify': first('serialize'),
    // Parses the text of the promise, `[object Promise]`: throws a `SyntaxError`.
    'JSON.parse': first('string'),
    String: first('string'),
    encodeURIComponent: first('string'),
    encodeURI: first('string'),
    Number: first('number'),
    parseInt: first('number'),
    parseFloat: first('number'),
    isNaN: first('number'),
    isFinite: first('number'),
    'Math.round': first('number'),
    'Math.floor': first('number'),
    'Math.ceil': first('number'),
    'Math.abs': first('number'),
    'Math.trunc': first('number'),
    'Math.max': { effect: 'number' },
    'Math.min': { effect: 'number' },
    Boolean: first('boolean'),
    'Object.keys': first('keys'),
    'Object.values': first('keys'),
    'Object.entries': first('keys'),
    structuredClone: first('clone'),
    'Object.assign': { effect: 'copy', arguments: [1, 2, 3, 4, 5, 6, 7, 8] },
  },
  assert: assertApi,
  'assert/strict': assertApi,
  util: {
    format: log,
    formatWithOptions: log,
  },
};

/**
 * Callees that take `any`/`unknown` on purpose to look at a promise as a
 * promise: identity checks and inspection. Typed mode never reports them.
 */
export const promiseInspectors: Readonly<Record<string, readonly string[]>> = {
  [GLOBAL]: ['Object.is', 'Promise.resolve', 'Promise.reject', 'queueMicrotask'],
  util: ['inspect', 'types.isPromise'],
  'util/types': ['isPromise'],
};

/**
 * Packages whose promises carry members of their own (execa's `stdout` and
 * `kill`, got's `json()` and `cancel()`): without types, a property read on
 * what they return is not judged.
 */
export const promisesWithMembers: ReadonlySet<string> = new Set(['execa', 'got', 'ky', 'p-cancelable', 'bluebird']);

/** The last name of every consumer's path (`log`, `stringify`): a method call by another name consumes nothing. */
export const consumerMethodNames: ReadonlySet<string> = new Set(
  Object.values(valueConsumers).flatMap((consumers) => Object.keys(consumers).map((path) => path.slice(path.lastIndexOf('.') + 1))),
);
