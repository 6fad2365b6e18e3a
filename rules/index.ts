/** Every rule, alphabetical. */
import noBlockingInAsync from './no-blocking-in-async.js';
import noFloatingPromise from './no-floating-promise.js';

export const rules = {
  'no-blocking-in-async': noBlockingInAsync,
  'no-floating-promise': noFloatingPromise,
};
