/** Every rule, alphabetical. */
import awaitAsyncAssertion from './await-async-assertion.js';
import noAwaitRace from './no-await-race.js';
import noBlockingInAsync from './no-blocking-in-async.js';
import noBrokenPromiseChain from './no-broken-promise-chain.js';
import noExitWithPendingWork from './no-exit-with-pending-work.js';
import noFloatingPromise from './no-floating-promise.js';
import noIoInConstructor from './no-io-in-constructor.js';
import noMisusedAsyncCallback from './no-misused-async-callback.js';
import noMixedSyncAsyncReturn from './no-mixed-sync-async-return.js';
import noPromiseConstructorMisuse from './no-promise-constructor-misuse.js';
import noUnawaitedValue from './no-unawaited-value.js';
import noUnboundedConcurrency from './no-unbounded-concurrency.js';
import requireAbortSignal from './require-abort-signal.js';

export const rules = {
  'await-async-assertion': awaitAsyncAssertion,
  'no-await-race': noAwaitRace,
  'no-blocking-in-async': noBlockingInAsync,
  'no-broken-promise-chain': noBrokenPromiseChain,
  'no-exit-with-pending-work': noExitWithPendingWork,
  'no-floating-promise': noFloatingPromise,
  'no-io-in-constructor': noIoInConstructor,
  'no-misused-async-callback': noMisusedAsyncCallback,
  'no-mixed-sync-async-return': noMixedSyncAsyncReturn,
  'no-promise-constructor-misuse': noPromiseConstructorMisuse,
  'no-unawaited-value': noUnawaitedValue,
  'no-unbounded-concurrency': noUnboundedConcurrency,
  'require-abort-signal': requireAbortSignal,
};
