/** Every rule, alphabetical. */
import noBlockingInAsync from './no-blocking-in-async.js';
import noExitWithPendingWork from './no-exit-with-pending-work.js';
import noFloatingPromise from './no-floating-promise.js';
import noIoInConstructor from './no-io-in-constructor.js';
import noMisusedAsyncCallback from './no-misused-async-callback.js';
import noMixedSyncAsyncReturn from './no-mixed-sync-async-return.js';

export const rules = {
  'no-blocking-in-async': noBlockingInAsync,
  'no-exit-with-pending-work': noExitWithPendingWork,
  'no-floating-promise': noFloatingPromise,
  'no-io-in-constructor': noIoInConstructor,
  'no-misused-async-callback': noMisusedAsyncCallback,
  'no-mixed-sync-async-return': noMixedSyncAsyncReturn,
};
